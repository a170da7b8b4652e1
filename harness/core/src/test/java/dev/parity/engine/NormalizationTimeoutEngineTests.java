package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A rule that runs past the case timeout makes the case an error, never a pass or a hang. */
class NormalizationTimeoutEngineTests {
  @TempDir Path root;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aBacktrackingRuleMakesTheCaseAnErrorAtItsTimeout() {
    String side = "  command: [sh, -c, 'head -c 200000 /dev/zero | tr \"\\\\0\" a']\n";
    Suite suite =
        new SuiteLoader()
            .load(
                TempSuite.in(root, "s")
                    .suiteYaml(
                        "name: s\nlegacy:\n"
                            + side
                            + "candidate:\n"
                            + side
                            + "defaults:\n  timeout: 2s\n"
                            + "normalize:\n  - regex: 'a*a*a*b'\n    replace: 'x'\n"
                            + "cases:\n  - id: n\n")
                    .folder());

    CaseResult result =
        new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE)
            .compare(suite, RunOptions.defaults().withRuns(1))
            .fixtures()
            .get(0);

    assertThat(result.status()).isEqualTo(Status.ERROR);
    assertThat(result.summary())
        .contains("normalization took longer than the case timeout of 2000 ms");
  }
}
