package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals run the real parity command in the test's JVM, on small suites in a temporary folder.
 */
class ParityMojoRunTests {
  @TempDir Path root;

  private Path suite(String name, String candidate) throws IOException {
    Path folder = root.resolve("fixtures").resolve(name);
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: "
            + name
            + "\nlegacy: {command: [echo]}\ncandidate: {command: ["
            + candidate
            + "]}\ncases:\n  - {id: a, args: [a]}\n");
    return folder;
  }

  private CompareMojo compare(Path suite) {
    CompareMojo mojo = new CompareMojo();
    mojo.suite = suite.toFile();
    mojo.out = root.resolve("reports").toFile();
    return mojo;
  }

  @Test
  void aPassingSuitePassesTheBuildAndWritesTheReports() throws Exception {
    CompareMojo mojo = compare(suite("same", "echo"));

    assertThatCode(mojo::execute).doesNotThrowAnyException();
    assertThat(root.resolve("reports/verdict.json"))
        .content()
        .contains("\"decision\" : \"candidate\"");
  }

  @Test
  void aDifferenceFailsTheBuildUnlessFailOnLegacyIsOff() throws Exception {
    CompareMojo failing = compare(suite("differs", "echo, x"));
    CompareMojo reporting = compare(suite("differs", "echo, x"));
    reporting.failOnLegacy = false;

    assertThatThrownBy(failing::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("decision legacy (exit 1)");
    assertThatCode(reporting::execute).doesNotThrowAnyException();
  }

  @Test
  void aMissingSuiteFolderFailsTheBuildNamingThePathEvenWhenOnlyReporting() {
    Path missing = root.resolve("fixtures/missing");
    CompareMojo mojo = compare(missing);
    mojo.failOnLegacy = false;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("usage or configuration error (exit 2)")
        .hasMessageContaining(missing + ": suite folder not found");
  }

  @Test
  void aConfigurationErrorFailsTheBuildWithItsFileLineAndColumn() throws Exception {
    Path broken = suite("broken", "echo");
    Files.writeString(broken.resolve("suite.yaml"), "\ncases2: []\n", StandardOpenOption.APPEND);

    assertThatThrownBy(compare(broken)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(broken.resolve("suite.yaml") + ":7:1: ");
  }

  @Test
  void skipRunsNothing() {
    CompareMojo mojo = compare(root.resolve("fixtures/missing"));
    mojo.skip = true;

    assertThatCode(mojo::execute).doesNotThrowAnyException();
    assertThat(new File(root.toFile(), "reports")).doesNotExist();
  }
}
