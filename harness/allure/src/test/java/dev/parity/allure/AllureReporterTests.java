package dev.parity.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureReporterTests {
  @TempDir Path out;

  @Test
  void allureCommandLineTurnsTheResultsIntoTheHtmlReportOffline() throws Exception {
    // Maven unpacks the Allure command line before the tests and passes its path; elsewhere (an
    // IDE) this skips.
    String configured = System.getProperty("allure.commandline");
    Assumptions.assumeTrue(
        configured != null,
        "run through Maven, which unpacks the Allure command line (dependency:unpack)");
    Path allure = Path.of(configured);
    assertThat(allure)
        .as("Allure command line unpacked by dependency:unpack@allure-commandline")
        .isExecutable();
    Path folder = new AllureReporter().write(verdict(), out);

    Process process =
        new ProcessBuilder(
                allure.toString(),
                "generate",
                folder.toString(),
                "-o",
                out.resolve("allure-report").toString(),
                "--clean")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(out.resolve("allure-report/index.html")).exists();
    try (Stream<Path> cases = Files.list(out.resolve("allure-report/data/test-cases"))) {
      assertThat(cases.count()).isEqualTo(3);
    }
  }

  @Test
  void writesOneAllureTestPerCaseWithStatusLabelsAndAttachments() throws Exception {
    Verdict verdict = verdict();
    Files.createDirectories(out.resolve(AllureReporter.FOLDER));
    Files.writeString(out.resolve(AllureReporter.FOLDER).resolve("stale-result.json"), "{}");

    Path folder = new AllureReporter().write(verdict, out);

    List<JsonNode> tests = new ArrayList<>();
    List<Path> attachments = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith("-result.json")) {
          tests.add(new ObjectMapper().readTree(file.toFile()));
        } else {
          attachments.add(file);
        }
      }
    }
    assertThat(tests)
        .extracting(t -> t.get("name").asText() + " " + t.get("status").asText())
        .containsExactlyInAnyOrder("ok/one passed", "bad/two failed", "err/three broken");
    JsonNode bad =
        tests.stream()
            .filter(t -> t.get("name").asText().equals("bad/two"))
            .findFirst()
            .orElseThrow();
    assertThat(bad.get("labels").toString())
        .contains(
            "{\"name\":\"tag\",\"value\":\"slow\"}",
            "{\"name\":\"tag\",\"value\":\"io\"}",
            "{\"name\":\"suite\",\"value\":\"demo\"}",
            "{\"name\":\"cluster\",\"value\":\"c");
    assertThat(bad.at("/statusDetails/message").asText()).isEqualTo("stdout differ");
    assertThat(bad.get("attachments"))
        .extracting(a -> a.get("name").asText())
        .containsExactly("facts", "diff");
    Path diffFile = folder.resolve(bad.get("attachments").get(1).get("source").asText());
    assertThat(diffFile).hasContent("--- legacy\n+++ candidate\n-a\n+b");
    assertThat(attachments).hasSize(3); // facts + diff of bad/two, facts of err/three
  }

  private static Verdict verdict() {
    StreamDiff diff =
        new StreamDiff(
            "stdout",
            StreamDiff.Kind.TEXT,
            1,
            1,
            false,
            false,
            "--- legacy\n+++ candidate\n-a\n+b\n");
    List<CaseResult> results =
        List.of(
            CaseResults.of("ok/one", Status.PASS)
                .tags(List.of("fast"))
                .summary("identical")
                .durations(Map.of("candidate", 3L))
                .build(),
            CaseResults.of("bad/two", Status.FAIL)
                .tags(List.of("slow", "io"))
                .summary("stdout differ")
                .facts(List.of(new Fact("stdout", "1 line removed")))
                .diffs(List.of(diff))
                .durations(Map.of("candidate", 4L))
                .build(),
            CaseResults.of("err/three", Status.ERROR)
                .summary("candidate timed out")
                .facts(List.of(new Fact("error", "timed out")))
                .build());
    return Verdict.of(
        "demo", Mode.VERIFY, results, List.of(), Instant.parse("2026-01-01T00:00:00Z"), 10);
  }
}
