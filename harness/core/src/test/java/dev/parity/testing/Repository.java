package dev.parity.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Parity's own repository folder, found from wherever a module's tests run. */
public final class Repository {
  private Repository() {}

  /** The nearest folder at or above the working directory that holds the demo suites. */
  public static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("fixtures/genealogy-cli/suite.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "Parity's repository (fixtures/genealogy-cli) not found above " + start);
  }

  /** The command-line demo suite, {@code fixtures/genealogy-cli}. */
  public static Path demoSuite() {
    return root().resolve("fixtures/genealogy-cli");
  }
}
