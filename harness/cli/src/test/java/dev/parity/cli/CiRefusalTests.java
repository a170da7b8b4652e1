package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: in CI ({@code CI} set) the commands that write goldens refuse unless forced. */
class CiRefusalTests {
  @TempDir Path root;

  private TempSuite suite(String greeting) {
    return TempSuite.in(root, "tool")
        .suiteYaml(
            """
            name: tool
            legacy:
              command: [sh, "{suite}/legacy.sh"]
            candidate:
              command: [sh, "{suite}/legacy.sh"]
            cases:
              - id: greet
              - id: other
                args: [other]
            """)
        .script("legacy.sh", "echo \"" + greeting + " $1\"\n");
  }

  @Test
  void recordUpdateRefusesInCiWithExitTwoAndWritesNothing() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    suite.script("legacy.sh", "echo \"Bye $1\"\n");
    String verdictBefore = Files.readString(suite.reports().resolve("verdict.json"));

    Cli update = Cli.inCi("record", "--update", "--runs", "1", suite.folder().toString());

    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err())
        .contains(
            "record --update replaces goldens, and CI is set (environment variable CI=[true]):"
                + " CI never writes goldens",
            "add --force");
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Hello ");
    assertThat(suite.reports().resolve("verdict.json")).hasContent(verdictBefore);
  }

  @Test
  void recordUpdateWithForceWritesInCiAndListsTheReplacedGoldens() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    suite.script("legacy.sh", "[ \"$1\" = other ] && echo \"Bye $1\" || echo \"Hello $1\"\n");

    Cli update =
        Cli.inCi("record", "--update", "--force", "--runs", "1", suite.folder().toString());

    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(suite.golden().resolve("other/stdout")).hasContent("Bye other");
    assertThat(update.out()).contains("Goldens replaced (1):\n  other\n");
  }

  @Test
  void recordUpdateOutsideCiListsNoReplacedGoldensWhenNothingChanged() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();

    Cli update = Cli.run("record", "--update", "--runs", "1", suite.folder().toString());

    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).contains("Goldens replaced: none");
  }

  @Test
  void ciSetToFalseIsNoCi() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();

    Cli update =
        Cli.run(
            Map.of("CI", "false"),
            Clock.systemUTC(),
            "record",
            "--update",
            "--runs",
            "1",
            suite.folder().toString());

    assertThat(update.exitCode()).as(update.err()).isZero();
  }
}
