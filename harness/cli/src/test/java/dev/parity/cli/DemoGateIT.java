package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.Repository;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `parity gate` on the embedded demo suite, with its committed goldens and its performance gate.
 *
 * <p>A failsafe test: the second reason states a measured ratio, so the benchmark gets a generous
 * budget (a loaded 2-core machine must still reach a ratio within it).
 */
class DemoGateIT {
  @TempDir Path dir;

  @Test
  void gateOnTheDemoWritesTheDecisionWithReasonsPerformanceAndGroups() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        Cli.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "gate",
            Repository.demoSuite().toString(),
            "--time-budget",
            "30s",
            "--out",
            dir.toString());

    assertThat(exit).as(out + "\n" + err).isEqualTo(1);
    JsonNode verdict = VerdictJson.mapper().readTree(dir.resolve("verdict.json").toFile());
    assertThat(verdict.get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("reasons").get(0).asText())
        .isEqualTo("2 cases differ: cases/search-upper, search/lowercase");
    assertThat(verdict.get("reasons").get(1).asText()).startsWith("candidate is ");
    JsonNode performance = verdict.get("performance");
    assertThat(performance.get("maxRatio").asDouble()).isEqualTo(1.10);
    assertThat(performance.get("alertRatio").asDouble()).isEqualTo(1.05);
    assertThat(performance.get("cases"))
        .extracting(c -> c.get("id").asText())
        .containsExactly("list/family", "stats/family", "tree/descendants");
    assertThat(verdict.get("groups").get("search").get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.get("groups").get("search").get("reasons").get(0).asText())
        .isEqualTo("2 cases differ: cases/search-upper, search/lowercase");
    assertThat(verdict.get("groups").size()).isGreaterThanOrEqualTo(10);
    assertThat(dir.resolve("bench.json")).exists();
    assertThat(dir.resolve("junit.xml")).exists();
  }
}
