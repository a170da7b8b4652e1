package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `parity gate` and `parity bench` end to end where the outcome depends on measured times: the
 * sides differ in speed twofold or more, each run has a 60 s budget and stops once the interval is
 * within 25%, so a loaded machine makes them slower, not wrong.
 */
@Timeout(600)
class GateCommandIT {
  @TempDir Path dir;

  private final Console console = new Console();

  private JsonNode verdict() throws IOException {
    return VerdictJson.mapper().readTree(dir.resolve("reports/demo/verdict.json").toFile());
  }

  // The sides that should pass differ tenfold in speed, so that a loaded machine (wide intervals,
  // few rounds) cannot make the performance gate inconclusive; same-speed accuracy is measured by
  // the A/A calibration script (ci/bench/aa-calibration.sh), not by a unit test.
  @Test
  void aFasterCandidateWithTheSameOutputShips() throws IOException {
    Path suite =
        SleepingEchoSuite.write(
            dir, "0.2", "0.02", "performance: {maxRatio: 2.0, alertRatio: 1.9}\n");
    assertThat(console.parity("record", suite.toString())).isZero();
    Path github = dir.resolve("github_output");

    int exit =
        console.parity(
            "gate",
            suite.toString(),
            "--time-budget",
            "60s",
            "--precision",
            "0.25",
            "--github-output",
            github.toString());

    assertThat(exit).as(console.toString()).isZero();
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
    assertThat(console.out()).contains("Decision: candidate").contains("Groups:");
  }

  @Test
  void aSlowCandidateKeepsLegacyEvenWhenItsOutputMatches() throws IOException {
    Path suite =
        SleepingEchoSuite.write(
            dir, "0.01", "0.3", "performance: {maxRatio: 1.10, alertRatio: 1.05}\n");
    assertThat(console.parity("record", suite.toString())).isZero();

    int exit =
        console.parity("gate", suite.toString(), "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).as(console.toString()).isEqualTo(1);
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
    Path suite = SleepingEchoSuite.write(dir, "0.2", "0.02", "performance: {maxRatio: 3}\n");

    int exit =
        console.parity(
            "gate", suite.toString(), "--live", "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).as(console.toString()).isZero();
    assertThat(verdict().get("mode").asText()).isEqualTo("compare");
    assertThat(dir.resolve("golden")).doesNotExist();
  }

  @Test
  void aMismatchDecidesLegacyForItsGroupOnly() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0.2", "0.02", "performance: {maxRatio: 3}\n");
    Files.writeString(
        suite.resolve("suite.yaml"),
        Files.readString(suite.resolve("suite.yaml"))
            .replace(
                "candidate:\n  command: [sh, -c, 'sleep 0.02; echo \"$1\"', x]",
                "candidate:\n  command: [sh, -c, 'sleep 0.02; echo \"$1\" | sed s/two/TWO/', x]"));

    int exit =
        console.parity(
            "gate", suite.toString(), "--live", "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).as(console.toString()).isEqualTo(1);
    JsonNode verdict = verdict();
    assertThat(verdict.get("reasons").get(0).asText()).isEqualTo("1 case differs: stats/two");
    assertThat(verdict.get("groups").get("stats").get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("groups").get("search").get("decision").asText()).isEqualTo("candidate");
  }

  @Test
  void benchPrintsRatioIntervalTimesAndMemory() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0.02", "0.04", "performance: {maxRatio: 1.10}\n");

    int exit =
        console.parity("bench", suite.toString(), "--time-budget", "60s", "--precision", "0.25");

    assertThat(exit).isEqualTo(1);
    assertThat(console.out())
        .contains("parity bench demo: 1 cases")
        .contains("legacy median (IQR)")
        .containsPattern("search/one +[0-9.]+ +[0-9.]+-[0-9.]+ +[0-9]+ +[0-9.]+ ms")
        .contains("Method: 20% trimmed geometric mean of paired-round ratios");
    assertThat(dir.resolve("reports/demo/bench.json")).exists();
  }
}
