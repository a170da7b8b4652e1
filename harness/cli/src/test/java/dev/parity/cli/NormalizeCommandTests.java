package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: rules, noise detection and suggestions through the real CLI and real processes. */
class NormalizeCommandTests {
  /** Prints the current time, a random UUID, a random session token, and a stable result. */
  private static final String NOISY_PROGRAM =
      """
      import datetime, secrets, sys, uuid
      print("started", datetime.datetime.now(datetime.timezone.utc).isoformat())
      print("request", uuid.uuid4())
      token = "".join(secrets.choice("ghjkmnpqrstvwxyz") for _ in range(6)) + "".join(secrets.choice("23456789") for _ in range(4))
      print("session=" + token + " user=ann")
      print("total", sys.argv[1])
      """;

  @TempDir Path root;

  private record Run(int exit, String out, String err) {}

  private static Run parity(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path suite(String candidateTotal, String rules) throws IOException {
    Path folder = root.resolve("fixtures/noisy");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("app.py"), NOISY_PROGRAM);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: noisy\n"
            + "legacy:\n  command: [python3, \"{suite}/app.py\", \"42\"]\n"
            + "candidate:\n  command: [python3, \"{suite}/app.py\", \""
            + candidateTotal
            + "\"]\n"
            + "cases:\n  - id: one\n"
            + rules);
    return folder;
  }

  private JsonNode verdict() throws IOException {
    return new ObjectMapper().readTree(root.resolve("reports/noisy/verdict.json").toFile());
  }

  @Test
  void recordFlagsNoiseAndTheSuggestedRulesMakeTheCasePass() throws IOException {
    Path suite = suite("42", "");

    Run first = parity("record", suite.toString(), "--suggest-rules");

    assertThat(first.exit()).isZero();
    assertThat(first.out()).contains("NOISY one  (legacy runs differ)", "1 case is noisy");
    String yaml = first.out().substring(first.out().indexOf("normalize:\n"));
    assertThat(yaml)
        .isEqualTo(
            "normalize:\n"
                + "  - builtin: timestamps\n    streams: ['stdout']\n    reason: 'differs between two legacy runs (one)'\n"
                + "  - builtin: uuids\n    streams: ['stdout']\n    reason: 'differs between two legacy runs (one)'\n"
                + "  - regex: 'session=[0-9a-z]{10}'\n    replace: 'session=<session>'\n    streams: ['stdout']\n"
                + "    reason: 'differs between two legacy runs (one)'\n");
    assertThat(verdict().at("/fixtures/0/noisy").asBoolean()).isTrue();

    Files.writeString(
        suite.resolve("suite.yaml"), Files.readString(suite.resolve("suite.yaml")) + yaml);
    Run again = parity("record", suite.toString(), "--update");

    assertThat(again.exit()).isZero();
    assertThat(again.out()).doesNotContain("NOISY").contains("Rules: 3 declared, 0 stale");
    assertThat(verdict().at("/fixtures/0/noisy").asBoolean()).isFalse();

    Run verify = parity("verify", suite.toString());
    assertThat(verify.exit()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("1 passed", "Decision: candidate");
  }

  @Test
  void compareDiscountsLegacyNoiseListsItAndStillFindsRealDifferences() throws IOException {
    Path same = suite("42", "");
    Run pass = parity("compare", same.toString());
    assertThat(pass.exit()).as(pass.out()).isZero();
    assertThat(pass.out())
        .contains("NOISY one  (legacy noise discounted)")
        .containsPattern("suggested rule +: builtin: timestamps on stdout")
        .containsPattern(
            "discounted stdout +: line 2, token 2: legacy \\S+, candidate \\S+ \\(both uuid\\)");
    assertThat(verdict().at("/reasons").toString()).contains("legacy noise discounted in 1 case");
    assertThat(verdict().at("/fixtures/0/noise").toString()).contains("legacy runs 1 and 2 differ");

    Path different = suite("43", "");
    Run fail = parity("compare", different.toString());
    assertThat(fail.exit()).isEqualTo(1);
    assertThat(fail.out()).contains("-total 42", "+total 43");
    assertThat(fail.out()).doesNotContain("-started");
  }

  @Test
  void compareWithOneRunDoesNotDiscountNoise() throws IOException {
    Run run = parity("compare", suite("42", "").toString(), "--runs", "1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("-started", "+started").doesNotContain("NOISY");
  }

  @Test
  void staleRulesAreFlaggedWithTheirLocationAndReason() throws IOException {
    Path suite =
        suite(
            "42",
            "normalize:\n"
                + "  - builtin: timestamps\n    reason: clock\n"
                + "  - builtin: uuids\n  - regex: 'session=\\w+'\n    replace: 'session=<s>'\n"
                + "  - builtin: pids\n    reason: no longer printed\n    ticket: MIG-7\n");
    Run run = parity("compare", suite.toString());
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("Rules: 4 declared, 1 stale")
        .contains("  builtin: timestamps (suite.yaml:9:5) fired 4 times: clock")
        .contains("  STALE builtin: pids (suite.yaml:14:5) fired 0 times: no longer printed")
        .contains("1 rule fired nowhere (stale): builtin: pids (suite.yaml:14:5)");
    JsonNode pids = verdict().at("/rules/3");
    assertThat(pids.get("stale").asBoolean()).isTrue();
    assertThat(pids.get("ticket").asText()).isEqualTo("MIG-7");
  }

  @Test
  void jsonOutputsGetAStructuralDiffInTheVerdict() throws IOException {
    Path folder = root.resolve("fixtures/noisy");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("legacy.sh"),
        "echo '{\"meta\":{\"generatedAt\":\"'$(date +%s%N)'\"},\"total\":3,\"tags\":[\"a\",\"b\"]}'\n");
    Files.writeString(
        folder.resolve("candidate.sh"),
        "echo '{\"tags\":[\"b\",\"a\"],\"total\":4,\"meta\":{\"generatedAt\":\"x\"}}'\n");
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: noisy\nlegacy: {command: [sh, \"{suite}/legacy.sh\"]}\ncandidate: {command: [sh, \"{suite}/candidate.sh\"]}\n"
            + "cases:\n  - id: one\n"
            + "normalize:\n  - json:\n      ignore: [/meta/generatedAt]\n      unordered: [/tags]\n    reason: generated per run\n");
    Run run = parity("compare", folder.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("stdout : JSON differs at 1 path: /total changed: 3 -> 4")
        .doesNotContain("NOISY");
    JsonNode change = verdict().at("/fixtures/0/jsonChanges/0");
    assertThat(change.get("path").asText()).isEqualTo("/total");
    assertThat(change.get("kind").asText()).isEqualTo("changed");
    assertThat(change.get("legacy").asText()).isEqualTo("3");
    assertThat(change.get("candidate").asText()).isEqualTo("4");
  }

  @Test
  void badRulesAreConfigurationErrorsWithExitTwo() throws IOException {
    Path suite = suite("42", "normalize:\n  - regex: '(unclosed'\n    replace: x\n");
    Run run = parity("verify", suite.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "parity: configuration error: "
                + suite.resolve("suite.yaml")
                + ":9:12: invalid regex [(unclosed]: Unclosed group");
  }

  @Test
  void runsMustBePositive() throws IOException {
    Run run = parity("record", suite("42", "").toString(), "--runs", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--runs must be at least 1, was [0]");
  }

  @Test
  void invalidJsonFallsBackToTextWithAFactSayingSo() throws IOException {
    Path folder = root.resolve("fixtures/noisy");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: noisy\nlegacy: {command: [sh, -c, 'echo \\{\\\"a\\\":1\\}']}\ncandidate: {command: [sh, -c, 'echo oops']}\n"
            + "cases:\n  - id: one\nnormalize:\n  - json: {sortKeys: true}\n    reason: key order is unspecified\n");
    Run run = parity("compare", folder.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "stdout : candidate: not valid JSON (",
            "the json rule was skipped and the text compared as is");
    assertThat(run.out()).contains("-{\n", "+oops");
  }
}
