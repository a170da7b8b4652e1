package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
  void plainRecordInCiStoresNewCasesAsPendingOnlyAndLeavesTheGoldensUntouched() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(
            Cli.run("record", "--runs", "1", "--filter", "greet", suite.folder().toString())
                .exitCode())
        .isZero();
    Map<String, String> before = files(suite.golden());

    Cli record = Cli.inCi("record", "--runs", "1", suite.folder().toString());

    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    assertThat(files(suite.golden())).as("golden/ untouched").isEqualTo(before);
    assertThat(suite.golden().resolve("other")).doesNotExist();
    Path pending = suite.reports().resolve("pending/other");
    assertThat(pending.resolve("legacy/stdout")).hasContent("Hello other");
    assertThat(pending.resolve("pending.yaml")).content().contains("source: record");
    assertThat(suite.reports().resolve("pending/greet"))
        .as("an unchanged golden has nothing pending")
        .doesNotExist();
    assertThat(record.out())
        .contains(
            "Goldens: not all stored: 1 new case stored as pending only (CI never writes goldens)");

    Cli forced = Cli.inCi("record", "--force", "--runs", "1", suite.folder().toString());
    assertThat(forced.exitCode()).as(forced.out() + forced.err()).isZero();
    assertThat(suite.golden().resolve("other/stdout")).hasContent("Hello other");
  }

  @Test
  void everyCommandThatWritesGoldensRefusesInCiWithExitTwoUnlessForced() throws Exception {
    TempSuite suite = suite("Hello");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    suite.script("legacy.sh", "echo \"Bye $1\"\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isEqualTo(1);
    Map<String, String> goldens = files(suite.golden());
    Map<String, String> reports = files(suite.reports());
    String folder = suite.folder().toString();

    for (String[] args :
        List.of(
            new String[] {"record", "--update", "--runs", "1", folder},
            new String[] {"accept", folder, "--legacy"},
            new String[] {"review", folder})) {
      Cli refused = Cli.inCi(args);
      assertThat(refused.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(refused.err())
          .as(String.join(" ", args))
          .contains("and CI is set (environment variable CI=[true])", "add --force");
      assertThat(files(suite.golden())).as(String.join(" ", args)).isEqualTo(goldens);
      assertThat(files(suite.reports())).as(String.join(" ", args)).isEqualTo(reports);
    }

    // Forced, review gets past the CI rule and stops only because tests have no terminal.
    Cli review = Cli.inCi("review", "--force", folder);
    assertThat(review.exitCode()).isEqualTo(2);
    assertThat(review.err()).contains("needs an interactive terminal").doesNotContain("CI is set");
    Cli accept = Cli.inCi("accept", folder, "--legacy", "--force");
    assertThat(accept.exitCode()).as(accept.err()).isZero();
    assertThat(suite.golden().resolve("greet/stdout")).hasContent("Bye ");
    assertThat(suite.reports().resolve("pending")).isEmptyDirectory();
  }

  /** Every file below {@code folder} with its content, to show that nothing was written. */
  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
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
