package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare runs legacy's extra runs (the noise probe) after the candidate, so that legacy's runs
 * bracket the candidate's in time: what drifts with time and shows in the candidate shows between
 * legacy's runs too, and is discounted as noise.
 */
class NoiseProbeOrderTests {
  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  /**
   * Both sides print an "epoch" that moves on every third run of either side, as a clock's seconds
   * move on between some runs and not others; each run also logs which side it was.
   */
  private Suite suite() {
    String run =
        "n=$(( $(cat \"%s\" 2>/dev/null || echo 0) + 1 )); echo $n > \"%s\"; echo %%s >> \"%s\";"
                .formatted(root.resolve("count"), root.resolve("count"), root.resolve("runs.log"))
            + " echo \"epoch $((n / 3))\"";
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "s")
                .suiteYaml(
                    "name: s\nlegacy:\n  command: [sh, -c, '"
                        + run.formatted("legacy")
                        + "']\ncandidate:\n  command: [sh, -c, '"
                        + run.formatted("candidate")
                        + "']\ncases:\n  - id: n\n")
                .folder());
  }

  @Test
  void legacysRunsBracketTheCandidatesSoWhatDriftsWithTimeIsDiscountedAsNoise() throws IOException {
    CaseResult result = engine.compare(suite(), RunOptions.defaults()).fixtures().get(0);

    assertThat(Files.readAllLines(root.resolve("runs.log")))
        .isEqualTo(List.of("legacy", "candidate", "legacy"));
    assertThat(result.status()).as(result.diff()).isEqualTo(Status.PASS);
    assertThat(result.noise()).isNotEmpty();
  }

  @Test
  void withMoreRunsEveryExtraLegacyRunComesAfterTheCandidate() throws IOException {
    engine.compare(suite(), RunOptions.defaults().toBuilder().runs(3).build());

    assertThat(Files.readAllLines(root.resolve("runs.log")))
        .isEqualTo(List.of("legacy", "candidate", "legacy", "legacy"));
  }
}
