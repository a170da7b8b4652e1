package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code verify --strict} (and {@code gate} in CI) fails on orphan goldens, pending
 * results and expired accepted differences, naming each; a plain verify passes on them.
 */
class StrictCliTests {
  @TempDir Path root;

  private static final String YAML =
      TempSuite.scriptSides("tool")
          + """
      cases:
        - id: greet
          args: [World]
        - id: old
          args: [Old]
      """;

  private TempSuite suite(String candidate) {
    TempSuite suite =
        TempSuite.in(root, "tool")
            .suiteYaml(YAML)
            .script("legacy.sh", "echo \"Hello, $1!\"\n")
            .script("candidate.sh", candidate);
    assertThat(
            run(day("2026-11-30"), "record", "--runs", "1", suite.folder().toString()).exitCode())
        .isZero();
    return suite;
  }

  private static Clock day(String date) {
    return Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
  }

  private static Cli run(Clock clock, String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(CiEnvironment.VARIABLE);
    return Cli.run(env, clock, args);
  }

  private static JsonNode verdict(TempSuite suite) throws IOException {
    return VerdictJson.mapper().readTree(suite.reports().resolve("verdict.json").toFile());
  }

  @Test
  void strictFailsOnAnOrphanGoldenThatAPlainVerifyLetsPass() throws Exception {
    TempSuite suite = suite("echo \"Hello, $1!\"\n");
    suite.suiteYaml(YAML.replace("  - id: old\n    args: [Old]\n", ""));

    Cli plain = run(day("2026-11-30"), "verify", suite.folder().toString());
    Cli strict = run(day("2026-11-30"), "verify", "--strict", suite.folder().toString());

    assertThat(plain.exitCode()).as(plain.out()).isZero();
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).contains("orphan golden old", "Decision: legacy");
    assertThat(verdict(suite).get("decision").asText()).isEqualTo("legacy");
    assertThat(verdict(suite).get("status").asText()).isEqualTo("fail");
  }

  @Test
  void strictFailsOnPendingResultsOfCasesNotRun() throws Exception {
    TempSuite suite = suite("echo \"Hi $1\"\n");
    assertThat(run(day("2026-11-30"), "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    suite.script("candidate.sh", "[ \"$1\" = World ] && echo \"Hello, $1!\" || echo \"Hi $1\"\n");

    Cli strict =
        run(
            day("2026-11-30"),
            "verify",
            "--strict",
            "--filter",
            "greet",
            suite.folder().toString());

    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).contains("pending result of old");
    assertThat(verdict(suite).toString()).contains("pending result of old");
  }

  @Test
  void strictFailsOnAnExpiredAcceptedDifference() throws Exception {
    TempSuite suite = suite("echo \"Hi $1\"\n");
    assertThat(run(day("2026-11-30"), "verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    Cli accept =
        run(
            day("2026-11-30"),
            "accept",
            suite.folder().toString(),
            "--reason",
            "greeting changes",
            "--ticket",
            "T-9",
            "--until",
            "2026-12-01");
    assertThat(accept.exitCode()).as(accept.err()).isZero();

    Cli inTime = run(day("2026-12-01"), "verify", "--strict", suite.folder().toString());
    Cli expired = run(day("2026-12-02"), "verify", "--strict", suite.folder().toString());

    assertThat(inTime.exitCode()).as(inTime.out()).isZero();
    assertThat(expired.exitCode()).isEqualTo(1);
    assertThat(expired.out()).contains("expired on 2026-12-01 (ticket T-9)");
  }

  @Test
  void gateIsStrictInCiUnlessNoStrict() throws Exception {
    TempSuite suite = suite("echo \"Hello, $1!\"\n");
    suite.suiteYaml(YAML.replace("  - id: old\n    args: [Old]\n", ""));

    Cli strict = Cli.inCi("gate", suite.folder().toString(), "--time-budget", "2s");
    JsonNode strictVerdict = verdict(suite);
    Cli lenient = Cli.inCi("gate", suite.folder().toString(), "--time-budget", "2s", "--no-strict");
    JsonNode lenientVerdict = verdict(suite);

    assertThat(strict.exitCode()).as(strict.out()).isEqualTo(1);
    assertThat(strictVerdict.get("decision").asText()).isEqualTo("legacy");
    assertThat(strictVerdict.toString()).contains("orphan golden old");
    assertThat(lenient.exitCode()).as(lenient.err()).isIn(0, 1);
    assertThat(lenientVerdict.toString()).doesNotContain("orphan golden old");
  }
}
