package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Peak resident memory of one run, measured by GNU time ({@code /usr/bin/time -f %M}) in a
 * separate, untimed run. Where GNU time is missing (not Linux, package {@code time} not installed)
 * it is reported as unknown.
 */
final class PeakMemory {
  static final Path GNU_TIME = Path.of("/usr/bin/time");

  private PeakMemory() {}

  static boolean measurable() {
    return Files.isExecutable(GNU_TIME);
  }

  /** The peak RSS in KiB of the implementation's process tree on the case, when measurable. */
  static OptionalLong of(Runner runner, Suite suite, Implementation implementation, Case testCase) {
    if (!measurable() || !(implementation instanceof CommandImplementation command)) {
      return OptionalLong.empty();
    }
    Path report = null;
    try {
      report = Files.createTempFile("parity-rss-", ".txt");
      List<String> argv =
          new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M", "-o", report.toString()));
      argv.addAll(command.command());
      RunOutcome outcome =
          runner.run(
              suite, new CommandImplementation(argv, command.env(), command.cwd()), testCase);
      if (!(outcome instanceof RunOutcome.Completed)) {
        return OptionalLong.empty();
      }
      List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
      // GNU time prints "Command exited with non-zero status N" first when the program fails.
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
      return last.matches("\\d+") ? OptionalLong.of(Long.parseLong(last)) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } finally {
      if (report != null) {
        try {
          Files.deleteIfExists(report);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless
        }
      }
    }
  }
}
