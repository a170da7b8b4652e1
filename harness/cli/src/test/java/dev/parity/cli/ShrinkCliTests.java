package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity report --shrink}: a real mismatch shrunk to a smaller input that still shows it on
 * both sides, written into verdict.json, summary.md and index.html with commands that reproduce it.
 */
@Timeout(180)
class ShrinkCliTests {
  private static final String EIGHT = "one\\ntwo\\nabc\\nthree\\nfour\\nfive\\nsix\\nseven\\n";

  @TempDir Path project;
  Path suite;
  Path out;

  @BeforeEach
  void suiteWhoseCandidateCapitalizesTheFirstB() throws Exception {
    suite = Files.createDirectories(project.resolve("fixtures/words"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: words",
            "legacy:",
            "  command: [cat]",
            "candidate:",
            "  command: [sed, 's/b/B/']",
            "cases:",
            "  - id: same",
            "    stdin: \"x\\ny\\n\"",
            "  - id: long",
            "    stdin: \"" + EIGHT + "\"",
            "  - id: longer",
            "    stdin: \"" + EIGHT + "eight\\nnine\\n\"",
            ""));
    out = project.resolve("reports/words");
    Cli compare = Cli.run("compare", suite.toString());
    assertThat(compare.exitCode()).as(compare.out() + compare.err()).isEqualTo(1);
  }

  @Test
  void shrinksTheSmallestCaseOfEachClusterAndEveryReportShowsTheReproducer() throws Exception {
    Cli report = Cli.run("report", out.toString(), "--shrink");

    assertThat(report.exitCode()).as(report.out() + report.err()).isEqualTo(1);
    assertThat(report.out())
        .contains("Reproducer for c1 (case long): kept 1 of 8 stdin lines; 1-minimal");
    JsonNode long_ = fixture("long");
    JsonNode reproducer = long_.get("reproducer");
    assertThat(reproducer.get("outcome").asText()).isEqualTo("minimal");
    assertThat(reproducer.get("clusters").get(0).asText()).isEqualTo("c1");
    assertThat(reproducer.get("input").get("stdin").asText()).isEqualTo("abc\n");
    assertThat(fixture("longer").has("reproducer")).isFalse();
    // The commands given reproduce each side with the shrunk input, from the project folder.
    assertThat(sh(reproducer.get("scripts").get("legacy").asText())).isEqualTo("abc\n");
    assertThat(sh(reproducer.get("scripts").get("candidate").asText())).isEqualTo("aBc\n");
    assertThat(out.resolve("summary.md"))
        .content()
        .contains("Minimal reproducer (case `long`): kept 1 of 8 stdin lines", "```sh\n");
    assertThat(out.resolve("index.html")).content().contains("\"reproducer\":\"long\"");
    // A plain rebuild keeps what --shrink found.
    Cli again = Cli.run("report", out.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(fixture("long").get("reproducer")).isEqualTo(reproducer);
  }

  @Test
  void aSpentBudgetIsSaidAndTheInputGivenWasSeenToShowTheChange() throws Exception {
    // Five probes at least (ten runs of a program) are needed for eight lines: 1 ms is spent first.
    Cli report = Cli.run("report", out.toString(), "--shrink", "--shrink-budget", "1ms");

    assertThat(report.exitCode()).as(report.out() + report.err()).isEqualTo(1);
    JsonNode reproducer = fixture("long").get("reproducer");
    assertThat(reproducer.get("outcome").asText()).isEqualTo("budget-spent");
    assertThat(reproducer.get("message").asText())
        .startsWith("shrink budget of ")
        .contains("the smallest input that showed the changes so far, maybe not minimal");
    String stdin = reproducer.get("input").get("stdin").asText();
    assertThat(EIGHT.replace("\\n", "\n")).contains(stdin);
    assertThat(sh(reproducer.get("scripts").get("legacy").asText())).isEqualTo(stdin);
    assertThat(sh(reproducer.get("scripts").get("candidate").asText()))
        .isEqualTo(stdin.replace("abc", "aBc"))
        .isNotEqualTo(stdin);
  }

  @Test
  void theShrinkOptionsWithoutShrinkAreAUsageError() {
    Cli report = Cli.run("report", out.toString(), "--shrink-budget", "10s");

    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("--shrink-budget is for --shrink");
  }

  private JsonNode fixture(String id) throws Exception {
    JsonNode verdict = new ObjectMapper().readTree(out.resolve("verdict.json").toFile());
    for (JsonNode fixture : verdict.get("fixtures")) {
      if (fixture.get("id").asText().equals(id)) {
        return fixture;
      }
    }
    throw new AssertionError("no case " + id);
  }

  /** Runs a script from the project folder, as the reports say to, and returns its stdout. */
  private String sh(String script) throws Exception {
    Process process =
        new ProcessBuilder("sh", "-c", script)
            .directory(project.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }
}
