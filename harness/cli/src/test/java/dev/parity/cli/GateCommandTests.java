package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real CLI on small suites of real processes; what depends on measured times is in
 * GateCommandIT.
 */
class GateCommandTests {
  @TempDir Path dir;

  private final Console console = new Console();

  @Test
  void aPrecisionOutsideZeroToOneIsAUsageError() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0", "0", "performance: {maxRatio: 2}\n");

    int exit = console.parity("gate", suite.toString(), "--precision", "5");

    assertThat(exit).isEqualTo(2);
    assertThat(console.err()).contains("--precision [5.0] is not a fraction between 0 and 1");
  }

  @Test
  void anImpossibleGateIsAConfigurationError() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0", "0", "performance: {maxRatio: 0}\n");

    int exit = console.parity("gate", suite.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(console.err())
        .isEqualTo(
            "parity: configuration error: "
                + suite.resolve("suite.yaml")
                + ":8:25: [performance.maxRatio] value [0] is not a"
                + " ratio above 0; a ratio <= 0 is an impossible gate, write the candidate/legacy time ratio, e.g. 1.10"
                + System.lineSeparator());
  }

  @Test
  void aBadTimeBudgetIsAUsageError() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0", "0", "");

    int exit = console.parity("bench", suite.toString(), "--time-budget", "soon");

    assertThat(exit).isEqualTo(2);
    assertThat(console.err())
        .startsWith(
            "parity: --time-budget [soon] is not a positive duration; write e.g. 500ms, 30s or 2m");
  }

  @Test
  void benchReportsATimeoutAsAnErrorNotARatio() throws IOException {
    Path suite = SleepingEchoSuite.write(dir, "0", "5", "");
    Path out = dir.resolve("out");

    int exit =
        console.parity(
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
    assertThat(console.out())
        .contains(
            "Performance: error - performance could not be measured: case search/one: candidate timed out");
  }

  @Test
  void helpListsBenchAndGate() {
    assertThat(console.parity("--help")).isZero();
    assertThat(console.out()).contains("bench").contains("gate").contains("docs/benchmarks.md");
    console.clear();
    assertThat(console.parity("gate", "--help")).isZero();
    assertThat(console.out())
        .contains("--live")
        .contains("--github-output")
        .contains("--time-budget");
  }
}
