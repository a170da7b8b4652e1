package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a suite of a table, a matrix and an input glob, recorded and verified. */
class CaseTableCliTests {
  @TempDir Path root;

  /** Prints each argument between bars, then its stdin. */
  private static final String ECHO = "printf '[%s]' \"$@\"; echo; cat\n";

  private TempSuite suite(String candidate) {
    return TempSuite.in(root, "t")
        .suiteYaml(
            TempSuite.scriptSides("t")
                + """
                cases:
                  - id: people
                    args: [--name, "{name}"]
                    stdin: "{note}"
                    table: {file: data/people.csv}
                  - id: modes
                    args: ["{mode}", "{level}"]
                    matrix: {mode: [--fast, --slow], level: ["1", "2"]}
                  - id: parse
                    inputs: {glob: "inputs/*.txt"}
                """)
        .file(
            "data/people.csv",
            "id,name,note\nann,Ann,\"plain\"\nobrien,\"O'Brien \"\"the\"\" \\\\ one\",\"two\nlines\"\n")
        .file("inputs/a.txt", "first input\n")
        .file("inputs/b.txt", "second input\n")
        .script("legacy.sh", ECHO)
        .script("candidate.sh", candidate);
  }

  @Test
  void aTableSuiteIsRecordedAndVerifiedCasePerRow() throws Exception {
    TempSuite suite = suite(ECHO);

    Cli record = Cli.run("record", suite.folder().toString());
    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    assertThat(record.out()).contains("parity record t: 8 cases, 8 passed");
    assertThat(
            Files.readString(
                suite.golden().resolve("people/obrien/stdout"), StandardCharsets.UTF_8))
        .isEqualTo("[--name][O'Brien \"the\" \\\\ one]\ntwo\nlines");
    assertThat(Files.readString(suite.golden().resolve("parse/b.txt/stdout")))
        .isEqualTo("[]\nsecond input\n");
    assertThat(Files.readString(suite.golden().resolve("modes/slow+2/stdout")))
        .isEqualTo("[--slow][2]\n");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Decision: candidate", "all 8 cases pass");
  }

  @Test
  void aCandidateThatMishandlesOneRowsValueFailsThatRowsCase() throws Exception {
    TempSuite suite = suite(ECHO.replace("\"$@\";", "\"$@\" | tr -d '\\\\\\\\';"));
    assertThat(Cli.run("record", suite.folder().toString()).exitCode()).isZero();

    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out()).contains("FAIL people/obrien", "1 case differs: people/obrien");
  }
}
