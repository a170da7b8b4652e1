package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.Trees;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded demo runs, catches its deliberate bug, and its committed goldens are current. */
class DemoTests {
  private static final Path HOME = Path.of("").toAbsolutePath().getParent().getParent();

  @TempDir Path out;

  @Test
  void demoRunsToCompletionAndCatchesThePortingBug() throws Exception {
    System.setProperty("parity.home", HOME.toString());
    try {
      Cli demo = Cli.run("demo", "--out", out.toString());

      assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
      assertThat(demo.out())
          .contains(
              "Report: " + out.resolve("genealogy-cli/verdict.json"), "FAIL search/lowercase");
      JsonNode verdict =
          VerdictJson.mapper().readTree(out.resolve("genealogy-cli/verdict.json").toFile());
      assertThat(verdict.get("decision").asText()).isEqualTo("legacy");
      assertThat(verdict.get("counts").get("total").asInt()).isGreaterThanOrEqualTo(15);
      assertThat(verdict.get("counts").get("errors").asInt()).isZero();
      assertThat(verdict.get("counts").get("failed").asInt()).isBetween(1, 2);
      // Both failures have one cause (the port's search is case-sensitive): one cluster.
      JsonNode clusters = verdict.get("clusters");
      assertThat(clusters).as(clusters.toPrettyString()).hasSize(1);
      assertThat(clusters.get(0).get("members").toString())
          .isEqualTo("[\"cases/search-upper\",\"search/lowercase\"]");
      assertThat(clusters.get(0).get("name").asText())
          .isEqualTo(
              "stdout: lines removed at start; stdout: number changed in `<n> matches` (`3` -> `0`)");
      // The web app's port encodes [] as null, in a list and in a single record: one cluster too.
      JsonNode http =
          VerdictJson.mapper().readTree(out.resolve("webapp-http/verdict.json").toFile());
      assertThat(http.get("clusters")).hasSize(1);
      assertThat(http.get("clusters").get(0).get("name").asText())
          .isEqualTo("body /children: `[]` -> `null`");
      assertThat(demo.out()).contains("Mismatch clusters (1 for 2 cases):");
      assertThat(demo.out())
          .contains(
              "== Demo webapp-http: verify the Java web app (a Go-style port) against the goldens"
                  + " of the Python original, over HTTP ==")
          .contains("parity verify webapp-http: 15 cases, 13 passed, 2 failed, 0 errors")
          .contains("FAIL api/person-without-children  (body differ)")
          .contains("+{\"id\":3,\"name\":\"Paul Martin\",\"born\":1881,\"children\":null}");
      assertThat(out.resolve("webapp-http/verdict.json")).exists();
    } finally {
      System.clearProperty("parity.home");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"genealogy-cli", "webapp-http"})
  void committedDemoGoldensMatchWhatLegacyProducesToday(String demo) throws Exception {
    Path golden = out.resolve("golden");
    Trees.copy(HOME.resolve("golden").resolve(demo), golden);

    Cli record =
        Cli.run(
            "record",
            HOME.resolve("fixtures").resolve(demo).toString(),
            "--golden",
            golden.toString(),
            "--out",
            out.resolve("r").toString());

    assertThat(record.exitCode()).as(record.out()).isZero();
    JsonNode verdict = VerdictJson.mapper().readTree(out.resolve("r/verdict.json").toFile());
    assertThat(verdict.get("fixtures")).isNotEmpty();
    for (JsonNode fixture : verdict.get("fixtures")) {
      assertThat(fixture.get("summary").asText())
          .as(fixture.get("id").asText())
          .isEqualTo("golden unchanged");
    }
  }
}
