package dev.parity.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
                "--clean",
                "--single-file")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    // One file with its data inline: a browser opens it from disk (it cannot fetch data/*.json
    // from file://). ReviewerBrowserTests opens it in Chromium.
    try (Stream<Path> files = Files.list(out.resolve("allure-report"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("index.html");
    }
    assertThat(Files.size(out.resolve("allure-report/index.html"))).isGreaterThan(100_000);
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
        } else if (file.getFileName().toString().contains("-attachment")) {
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

  @Test
  void durationsAreEachSidesTimeAndTheRunsEnvironmentDecisionAndClustersAreAllures()
      throws Exception {
    Verdict verdict = verdict();

    Path folder = new AllureReporter().write(verdict, out);

    JsonNode bad = test(folder, "bad/two");
    assertThat(bad.get("stop").asLong() - bad.get("start").asLong()).isEqualTo(417);
    assertThat(bad.get("steps"))
        .extracting(
            s -> s.get("name").asText() + " " + (s.get("stop").asLong() - s.get("start").asLong()))
        .containsExactly("legacy run (120 ms) 120", "candidate run (297 ms) 297");
    String cluster =
        verdict.clusters().stream()
            .filter(c -> c.members().contains("bad/two"))
            .findFirst()
            .orElseThrow()
            .id();
    String trace = bad.at("/statusDetails/trace").asText();
    assertThat(trace).startsWith("clusters: [" + cluster + "]\n");
    JsonNode categories = new ObjectMapper().readTree(folder.resolve("categories.json").toFile());
    assertThat(categories).hasSize(verdict.clusters().size());
    JsonNode category =
        StreamSupport.stream(categories.spliterator(), false)
            .filter(c -> c.get("name").asText().startsWith(cluster + ": "))
            .findFirst()
            .orElseThrow();
    assertThat(category.get("matchedStatuses").toString()).isEqualTo("[\"failed\"]");
    assertThat(Pattern.matches(category.get("traceRegex").asText(), trace)).isTrue();
    assertThat(
            Pattern.matches(
                category.get("traceRegex").asText(),
                test(folder, "err/three").at("/statusDetails/trace").asText()))
        .isFalse();
    assertThat(folder.resolve("environment.properties"))
        .content()
        .contains(
            "Suite=demo\n",
            "Mode=verify\n",
            "Decision=legacy\n",
            "Status=fail\n",
            "Java=",
            "Machine=",
            "Parity=");
    JsonNode executor = new ObjectMapper().readTree(folder.resolve("executor.json").toFile());
    assertThat(executor.get("name").asText()).isEqualTo("Parity");
    assertThat(executor.get("reportName").asText())
        .isEqualTo("Parity verify demo: decision legacy (fail)");
  }

  private static JsonNode test(Path folder, String name) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith("-result.json")) {
          JsonNode test = new ObjectMapper().readTree(file.toFile());
          if (test.get("name").asText().equals(name)) {
            return test;
          }
        }
      }
    }
    throw new AssertionError("no Allure test " + name);
  }

  private static Verdict verdict() {
    return AllureVerdicts.threeCases();
  }
}
