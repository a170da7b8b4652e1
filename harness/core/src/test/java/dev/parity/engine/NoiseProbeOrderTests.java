package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare runs legacy's extra runs (the noise probe) before the candidate, so that a case holds at
 * most two outputs at once; the verdict does not depend on the order.
 */
class NoiseProbeOrderTests {
  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  private Suite suite(Path log, String candidateOutput) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "s")
                .suiteYaml(
                    "name: s\nlegacy:\n  command: [sh, -c, 'echo legacy >> \""
                        + log
                        + "\"; echo same']\ncandidate:\n  command: [sh, -c, 'echo candidate >> \""
                        + log
                        + "\"; echo "
                        + candidateOutput
                        + "']\ncases:\n  - id: n\n")
                .folder());
  }

  @Test
  void theExtraLegacyRunsComeBeforeTheCandidate() throws IOException {
    Path log = root.resolve("runs.log");

    Status status =
        engine
            .compare(suite(log, "same"), RunOptions.defaults().toBuilder().runs(3).build())
            .fixtures()
            .get(0)
            .status();

    assertThat(status).isEqualTo(Status.PASS);
    assertThat(Files.readAllLines(log))
        .isEqualTo(List.of("legacy", "legacy", "legacy", "candidate"));
  }

  @Test
  void aDifferentCandidateStillFailsWithTheProbeFirst() throws IOException {
    Path log = root.resolve("runs.log");

    var result = engine.compare(suite(log, "other"), RunOptions.defaults()).fixtures().get(0);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.diff()).contains("-same").contains("+other");
    assertThat(result.noise()).isEmpty();
    assertThat(Files.readAllLines(log)).isEqualTo(List.of("legacy", "legacy", "candidate"));
  }
}
