package dev.parity.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gate and bench tests' suite: both sides echo their first argument after sleeping. */
final class SleepingEchoSuite {
  private SleepingEchoSuite() {}

  /**
   * Writes {@code dir/fixtures/demo/suite.yaml}, whose sides sleep the given seconds, with two
   * cases ({@code search/one} tagged search and bench, {@code stats/two} tagged stats), and returns
   * the suite folder.
   */
  static Path write(Path dir, String legacySleep, String candidateSleep, String performance)
      throws IOException {
    Path folder = dir.resolve("fixtures").resolve("demo");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: demo\n"
            + "legacy:\n  command: [sh, -c, 'sleep "
            + legacySleep
            + "; echo \"$1\"', x]\n"
            + "candidate:\n  command: [sh, -c, 'sleep "
            + candidateSleep
            + "; echo \"$1\"', x]\n"
            + "defaults:\n  timeout: 2s\n"
            + performance
            + "cases:\n"
            + "  - id: search/one\n    args: [one]\n    tags: [search, bench]\n"
            + "  - id: stats/two\n    args: [two]\n    tags: [stats]\n");
    return folder;
  }
}
