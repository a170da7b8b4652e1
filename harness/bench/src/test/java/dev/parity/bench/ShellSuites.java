package dev.parity.bench;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Suites whose two sides are {@code sh -c} scripts, for the benchmark's tests. */
final class ShellSuites {
  private ShellSuites() {}

  static Suite suite(Path dir, String legacy, String candidate, String performance, String cases)
      throws IOException {
    Path folder = dir.resolve("s");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: s\n"
            + "legacy:\n  command: [sh, -c, '"
            + legacy
            + "']\n"
            + "candidate:\n  command: [sh, -c, '"
            + candidate
            + "']\n"
            + "defaults:\n  timeout: 2s\n"
            + performance
            + "cases:\n"
            + cases);
    return new SuiteLoader().load(folder);
  }

  static BenchOptions budget(Duration budget) {
    return BenchOptions.defaults().withTimeBudget(budget);
  }
}
