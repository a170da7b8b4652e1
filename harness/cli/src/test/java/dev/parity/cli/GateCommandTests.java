package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real CLI on small suites of real processes. */
class GateCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int parity(String... args) {
    return ParityCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** A suite whose sides echo their first argument after sleeping the given seconds. */
  private Path suite(String legacySleep, String candidateSleep, String performance)
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

  private JsonNode verdict() throws IOException {
    return VerdictJson.mapper().readTree(dir.resolve("reports/demo/verdict.json").toFile());
  }

  // The sides that should pass differ tenfold in speed, so that a loaded machine (wide intervals,
  // few rounds) cannot make the performance gate inconclusive; same-speed accuracy is measured by
  // the A/A calibration script (ci/bench/aa-calibration.sh), not by a unit test.
  @Test
  void aFasterCandidateWithTheSameOutputShips() throws IOException {
    Path suite = suite("0.2", "0.02", "performance: {maxRatio: 2.0, alertRatio: 1.9}\n");
    assertThat(parity("record", suite.toString())).isZero();
    Path github = dir.resolve("github_output");

    int exit =
        parity(
            "gate",
            suite.toString(),
            "--time-budget",
            "60s",
            "--precision",
            "0.25",
            "--github-output",
            github.toString());

    assertThat(exit).as(out + "\n" + err).isZero();
    JsonNode verdict = verdict();
    assertThat(verdict.get("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.get("performance").get("status").asText()).isEqualTo("pass");
    assertThat(verdict.get("performance").get("maxRatio").asDouble()).isEqualTo(2.0);
    assertThat(verdict.get("performance").get("ciHigh").asDouble()).isLessThanOrEqualTo(2.0);
    assertThat(verdict.get("reasons").get(0).asText()).isEqualTo("all 2 cases pass");
    assertThat(verdict.get("reasons").get(1).asText())
        .matches(
            "candidate is [0-9.]+x (slower|faster.*) \\(95% CI [0-9.]+-[0-9.]+\\), within 2.00");
    assertThat(verdict.get("groups").get("search").get("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.get("groups").get("stats").get("decision").asText()).isEqualTo("candidate");
    List<String> lines = Files.readAllLines(github);
    assertThat(lines.get(0)).isEqualTo("decision=candidate");
    assertThat(lines)
        .contains(
            "performance=pass",
            "group-bench=candidate",
            "group-search=candidate",
            "group-stats=candidate",
            "groups={\"bench\":\"candidate\",\"search\":\"candidate\",\"stats\":\"candidate\"}");
    assertThat(dir.resolve("reports/demo/bench.json")).exists();
    assertThat(out.toString()).contains("Decision: candidate").contains("Groups:");
  }

  @Test
  void aSlowCandidateKeepsLegacyEvenWhenItsOutputMatches() throws IOException {
    Path suite = suite("0.01", "0.3", "performance: {maxRatio: 1.10, alertRatio: 1.05}\n");
    assertThat(parity("record", suite.toString())).isZero();

    int exit = parity("gate", suite.toString(), "--time-budget", "4s");

    assertThat(exit).as(out + "\n" + err).isEqualTo(1);
    JsonNode verdict = verdict();
    assertThat(verdict.get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("performance").get("status").asText()).isEqualTo("fail");
    assertThat(verdict.get("performance").get("alert").asBoolean()).isTrue();
    assertThat(verdict.get("reasons").get(1).asText())
        .matches("candidate is [0-9.]+x slower \\(95% CI [0-9.]+-[0-9.]+\\), above 1.10");
    assertThat(verdict.get("groups").get("stats").get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("fixtures")).hasSize(2);
  }

  @Test
  void liveModeComparesBothSidesWithoutGoldens() throws IOException {
    Path suite = suite("0.2", "0.02", "performance: {maxRatio: 3}\n");

    int exit =
        parity("gate", suite.toString(), "--live", "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(verdict().get("mode").asText()).isEqualTo("compare");
    assertThat(dir.resolve("golden")).doesNotExist();
  }

  @Test
  void aMismatchDecidesLegacyForItsGroupOnly() throws IOException {
    Path suite = suite("0.2", "0.02", "performance: {maxRatio: 3}\n");
    Files.writeString(
        suite.resolve("suite.yaml"),
        Files.readString(suite.resolve("suite.yaml"))
            .replace(
                "candidate:\n  command: [sh, -c, 'sleep 0.02; echo \"$1\"', x]",
                "candidate:\n  command: [sh, -c, 'sleep 0.02; echo \"$1\" | sed s/two/TWO/', x]"));

    int exit =
        parity("gate", suite.toString(), "--live", "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).as(out + "\n" + err).isEqualTo(1);
    JsonNode verdict = verdict();
    assertThat(verdict.get("reasons").get(0).asText()).isEqualTo("1 case differs: stats/two");
    assertThat(verdict.get("groups").get("stats").get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("groups").get("search").get("decision").asText()).isEqualTo("candidate");
  }

  @Test
  void aPrecisionOutsideZeroToOneIsAUsageError() throws IOException {
    Path suite = suite("0", "0", "performance: {maxRatio: 2}\n");

    int exit = parity("gate", suite.toString(), "--precision", "5");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--precision [5.0] is not a fraction between 0 and 1");
  }

  @Test
  void anImpossibleGateIsAConfigurationError() throws IOException {
    Path suite = suite("0", "0", "performance: {maxRatio: 0}\n");

    int exit = parity("gate", suite.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "parity: configuration error: "
                + suite.resolve("suite.yaml")
                + ":8:25: [performance.maxRatio] value [0] is not a"
                + " ratio above 0; a ratio <= 0 is an impossible gate, write the candidate/legacy time ratio, e.g. 1.10"
                + System.lineSeparator());
  }

  @Test
  void aBadTimeBudgetIsAUsageError() throws IOException {
    Path suite = suite("0", "0", "");

    int exit = parity("bench", suite.toString(), "--time-budget", "soon");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "parity: --time-budget [soon] is not a positive duration; write e.g. 500ms, 30s or 2m");
  }

  @Test
  void benchReportsATimeoutAsAnErrorNotARatio() throws IOException {
    Path suite = suite("0", "5", "");
    Path out = dir.resolve("out");

    int exit =
        parity(
            "bench",
            suite.toString(),
            "--filter",
            "search/*",
            "--time-budget",
            "3s",
            "--out",
            out.toString());

    assertThat(exit).isEqualTo(1);
    JsonNode performance =
        VerdictJson.mapper().readTree(out.resolve("bench.json").toFile()).get("performance");
    assertThat(performance.get("status").asText()).isEqualTo("error");
    assertThat(performance.has("ratio")).isFalse();
    assertThat(performance.get("error").asText())
        .startsWith("case search/one: candidate timed out after 2s");
    assertThat(this.out.toString())
        .contains(
            "Performance: error - performance could not be measured: case search/one: candidate timed out");
  }

  @Test
  void benchPrintsRatioIntervalTimesAndMemory() throws IOException {
    Path suite = suite("0.02", "0.04", "performance: {maxRatio: 1.10}\n");

    int exit = parity("bench", suite.toString(), "--time-budget", "3s");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("parity bench demo: 1 cases")
        .contains("legacy median (IQR)")
        .containsPattern("search/one +[0-9.]+ +[0-9.]+-[0-9.]+ +[0-9]+ +[0-9.]+ ms")
        .contains("Method: 20% trimmed geometric mean of paired-round ratios");
    assertThat(dir.resolve("reports/demo/bench.json")).exists();
  }

  @Test
  void helpListsBenchAndGate() {
    assertThat(parity("--help")).isZero();
    assertThat(out.toString()).contains("bench").contains("gate").contains("docs/benchmarks.md");
    out.getBuffer().setLength(0);
    assertThat(parity("gate", "--help")).isZero();
    assertThat(out.toString())
        .contains("--live")
        .contains("--github-output")
        .contains("--time-budget");
  }
}
