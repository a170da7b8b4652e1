package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A candidate that crashes (killed by a signal legacy was not killed by) never passes, whatever
 * [compare] selects: before, a suite comparing only stdout passed a candidate that printed the
 * right output and then died of SIGSEGV.
 */
class CrashTests {
  @TempDir Path root;

  private Suite suite(String legacy, String candidate) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "cli")
                .suiteYaml(
                    "name: cli\n"
                        + "legacy: {command: [sh, -c, '"
                        + legacy
                        + "']}\n"
                        + "candidate: {command: [sh, -c, '"
                        + candidate
                        + "']}\n"
                        + "compare: [stdout]\n"
                        + "cases:\n  - id: c\n")
                .folder());
  }

  private static Verdict compare(Suite suite) {
    return new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE)
        .compare(suite, RunOptions.defaults().withJobs(1).withRuns(1));
  }

  @Test
  void aCandidateKilledByASignalFailsThoughItsComparedOutputIsRight() {
    Verdict verdict = compare(suite("echo a", "echo a; kill -SEGV $$"));

    CaseResult result = verdict.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.facts().toString()).contains("SIGSEGV");
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void sidesKilledByTheSameSignalAreJudgedOnWhatIsCompared() {
    Verdict verdict = compare(suite("echo a; kill -TERM $$", "echo a; kill -TERM $$"));

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.PASS);
  }

  @Test
  void aCandidateThatExitsOtherwiseIsJudgedOnWhatIsCompared() {
    // Not a crash: an exit code is left out of [compare] on purpose (the suite says so).
    Verdict verdict = compare(suite("echo a", "echo a; exit 3"));

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.PASS);
  }
}
