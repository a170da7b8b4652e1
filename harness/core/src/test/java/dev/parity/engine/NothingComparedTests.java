package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Observation;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.testing.Observations;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case of which nothing is compared proves nothing: it is an error, never "identical". Before, a
 * command suite with {@code compare: [status]} (a target of HTTP services) passed every case
 * whatever the candidate did, and so did a case without outputs under {@code compare: [files]}.
 */
class NothingComparedTests {
  @TempDir Path root;

  /** Legacy exits 0 and prints "a"; the candidate exits 1 and prints "b". */
  private static final Runner DIFFERENT_COMMANDS =
      (suite, implementation, testCase) ->
          new RunOutcome.Completed(
              implementation == suite.legacy()
                  ? Observations.command(0, "a\n", "")
                  : Observations.command(1, "b\n", "boom\n"));

  /** Legacy answers 200 "a"; the candidate 500 "b". */
  private static final Runner DIFFERENT_SERVICES =
      (suite, implementation, testCase) ->
          new RunOutcome.Completed(
              Observation.ofHttp(
                  implementation == suite.legacy() ? 200 : 500,
                  "",
                  (implementation == suite.legacy() ? "a" : "b").getBytes(StandardCharsets.UTF_8),
                  Duration.ofMillis(1)));

  private Suite commands(String compare, String caseYaml) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "cli")
                .suiteYaml(
                    "name: cli\n"
                        + "legacy: {command: [sh, -c, 'true']}\n"
                        + "candidate: {command: [sh, -c, 'false']}\n"
                        + "compare: "
                        + compare
                        + "\ncases:\n  - id: c\n"
                        + caseYaml)
                .folder());
  }

  private Suite services(String compare) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "web")
                .suiteYaml(
                    "name: web\n"
                        + "legacy: {url: \"http://localhost:1\"}\n"
                        + "candidate: {url: \"http://localhost:2\"}\n"
                        + "compare: "
                        + compare
                        + "\ncases:\n  - id: c\n    request: {method: GET, path: /}\n")
                .folder());
  }

  private static Verdict compare(Runner runner, Suite suite) {
    return new Engine(runner, new ObservationComparator(), Progress.NONE)
        .compare(suite, RunOptions.defaults().withJobs(1).withRuns(1));
  }

  @Test
  void aCommandSuiteComparingOnlyTargetsOfServicesDecidesLegacy() {
    Verdict verdict = compare(DIFFERENT_COMMANDS, commands("[status, body]", "    args: [x]\n"));

    CaseResult result = verdict.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.ERROR);
    assertThat(result.summary())
        .isEqualTo(
            "nothing of the case is compared: [compare] selects [status, body], and the case"
                + " observed only [exit code, stderr, stdout]");
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void aServiceSuiteComparingOnlyTargetsOfCommandsDecidesLegacy() {
    Verdict verdict = compare(DIFFERENT_SERVICES, services("[exitCode, stdout]"));

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void aCaseWithoutOutputsUnderCompareFilesDecidesLegacy() {
    Verdict verdict = compare(DIFFERENT_COMMANDS, commands("[files]", "    args: [x]\n"));

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.ERROR);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void aCaseWithOneComparedPartIsJudgedOnIt() {
    Verdict differs =
        compare(DIFFERENT_COMMANDS, commands("[exitCode, status]", "    args: [x]\n"));
    Verdict same = compare(DIFFERENT_SERVICES, services("[headers]"));

    assertThat(differs.fixtures().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(same.fixtures().get(0).status()).isEqualTo(Status.PASS);
    assertThat(same.decision()).isEqualTo(Decision.CANDIDATE);
  }
}
