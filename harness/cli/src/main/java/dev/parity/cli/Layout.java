package dev.parity.cli;

import dev.parity.fixture.Suite;
import dev.parity.session.SuiteRun;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a suite's goldens and reports go by default: {@code golden/<suite>} and {@code
 * reports/<suite>} in the project folder that holds {@code fixtures/}.
 */
final class Layout {
  private Layout() {}

  /**
   * The project folder of a suite: the parent of its {@code fixtures/} folder, else the suite's
   * parent.
   */
  static Path projectOf(Path suiteFolder) {
    return Suite.projectOf(suiteFolder);
  }

  static Path goldenOf(Path suiteFolder) {
    return SuiteRun.goldenOf(suiteFolder);
  }

  static Path reportsOf(Path suiteFolder) {
    return SuiteRun.reportsOf(suiteFolder);
  }

  /**
   * The Parity checkout: {@code -Dparity.home} (set by the ./parity launcher), else the working
   * directory.
   */
  static Path home() {
    String home = System.getProperty("parity.home");
    Path start = Path.of(home == null ? "" : home).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("fixtures")) && Files.isDirectory(dir.resolve("harness"))) {
        return dir;
      }
    }
    return start;
  }
}
