package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real CLI: failed runs, hand-edited verdicts and filtered runs in the reports. */
class RunOutcomeReportsTests {
  @TempDir Path temp;
  Path suite;
  Path out;

  @BeforeEach
  void suiteWhoseSidesAgreeExceptOnB() throws Exception {
    suite = Files.createDirectories(temp.resolve("shop"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: shop",
            "legacy:",
            "  command: [sh, -c, 'echo \"$1\"', x]",
            "candidate:",
            "  command: [sh, -c, 'echo \"$1\" | sed s/b/B/', x]",
            "cases:",
            "  - id: a/one",
            "    args: [a]",
            "  - id: b/two",
            "    args: [b]",
            ""));
    out = temp.resolve("out");
  }

  private JsonNode verdict() throws Exception {
    return VerdictJson.mapper().readTree(out.resolve("verdict.json").toFile());
  }

  @Test
  void aRunThatCannotDecideReplacesTheReportsOfAnEarlierPass() throws Exception {
    Cli pass = Cli.run("compare", suite.toString(), "--out", out.toString(), "--filter", "a/*");
    assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
    assertThat(out.resolve("summary.md")).content().contains("candidate ships");
    Files.writeString(
        suite.resolve("suite.yaml"),
        Files.readString(suite.resolve("suite.yaml")).replace("cases:", "bogus: 1\ncases:"));

    Cli broken = Cli.run("compare", suite.toString(), "--out", out.toString());

    assertThat(broken.exitCode()).as(broken.err()).isEqualTo(2);
    assertThat(verdict().get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict().get("status").asText()).isEqualTo("error");
    assertThat(verdict().get("error").asText())
        .startsWith("configuration error: ")
        .contains("bogus");
    assertThat(out.resolve("summary.md"))
        .content()
        .doesNotContain("candidate ships")
        .contains("no verdict (the run failed), legacy stays", "configuration error");
    assertThat(out.resolve("junit.xml"))
        .content()
        .contains("errors=\"1\"", "<testcase name=\"decision\"", "configuration error");
    assertThat(out.resolve("index.html")).content().contains("\"status\":\"error\"");
    assertThat(out.resolve("observations")).doesNotExist();
  }

  @Test
  void reportRecomputesAHandEditedDecision() throws Exception {
    Cli run = Cli.run("compare", suite.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    Path file = out.resolve("verdict.json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"decision\" : \"legacy\"", "\"decision\" : \"candidate\""));
    assertThat(verdict().get("decision").asText()).isEqualTo("candidate");

    Cli report = Cli.run("report", out.toString());

    assertThat(report.exitCode()).as(report.out()).isEqualTo(1);
    assertThat(verdict().get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict().get("reasons").get(0).asText())
        .isEqualTo(
            "verdict.json said decision candidate, but its case statuses decide legacy (recomputed)");
    assertThat(out.resolve("summary.md")).content().contains("legacy ships");
    assertThat(report.out()).contains("Decision: legacy");
  }

  @Test
  void aFilteredRunDecidesForItsCasesOnlyAndSaysSo() throws Exception {
    Cli run = Cli.run("verify", suite.toString(), "--out", out.toString(), "--filter", "a/*");
    // No goldens: record them first, then verify the subset.
    assertThat(run.exitCode()).isNotZero();
    Cli record =
        Cli.run(
            "record",
            suite.toString(),
            "--golden",
            temp.resolve("g").toString(),
            "--out",
            out.toString());
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();

    Cli verify =
        Cli.run(
            "verify",
            suite.toString(),
            "--golden",
            temp.resolve("g").toString(),
            "--out",
            out.toString(),
            "--filter",
            "a/*");

    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    JsonNode verdict = verdict();
    assertThat(verdict.get("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.get("scope").asText()).isEqualTo("filtered");
    assertThat(verdict.get("filter").asText()).isEqualTo("a/*");
    assertThat(verdict.get("reasons").toString())
        .contains(
            "filtered run (--filter a/*): the decision holds for the 1 selected case only, not for"
                + " the whole suite");
    assertThat(out.resolve("summary.md")).content().contains("filtered run");
    assertThat(out.resolve("junit.xml"))
        .content()
        .contains("<property name=\"parity.scope\" value=\"filtered\"");
    assertThat(verify.out()).contains("filtered run (--filter a/*)");
    Path github = temp.resolve("github_output");
    GateCommand.writeGithubOutput(github, VerdictJson.read(out.resolve("verdict.json")));
    assertThat(Files.readAllLines(github))
        .startsWith("decision=candidate", "status=pass", "scope=filtered");
  }

  @Test
  void aFailureMessageNamesNoSecret() {
    String message =
        FailedRun.describe(
            new IllegalStateException("GET http://127.0.0.1:1/x?access_token=abc123def failed"));

    assertThat(message)
        .startsWith("internal error (please report it with the trace below): ")
        .doesNotContain("abc123def")
        .contains("access_token=<redacted sha256:");
  }
}
