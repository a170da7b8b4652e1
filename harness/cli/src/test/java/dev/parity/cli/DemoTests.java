package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    } finally {
      System.clearProperty("parity.home");
    }
  }

  @Test
  void committedDemoGoldensMatchWhatLegacyProducesToday() throws Exception {
    Path golden = out.resolve("golden");
    copy(HOME.resolve("golden/genealogy-cli"), golden);

    Cli record =
        Cli.run(
            "record",
            HOME.resolve("fixtures/genealogy-cli").toString(),
            "--golden",
            golden.toString(),
            "--out",
            out.resolve("r").toString());

    assertThat(record.exitCode()).as(record.out()).isZero();
    JsonNode verdict = VerdictJson.mapper().readTree(out.resolve("r/verdict.json").toFile());
    for (JsonNode fixture : verdict.get("fixtures")) {
      assertThat(fixture.get("summary").asText())
          .as(fixture.get("id").asText())
          .isEqualTo("golden unchanged");
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
