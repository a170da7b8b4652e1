package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Side;
import dev.parity.testing.Observations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunOutcomeTests {
  @Test
  void aCompletedRunHasItsObservationAndNoProblem() {
    Observation observed = Observations.command(0, "out", "");
    RunOutcome outcome = new RunOutcome.Completed(observed);

    assertThat(outcome.observation()).containsSame(observed);
    assertThat(outcome.problem()).isEmpty();
    assertThat(outcome.problem(Side.LEGACY)).isEmpty();
  }

  @Test
  void aFailedRunSaysItsReasonAfterTheSide() {
    RunOutcome outcome = new RunOutcome.Failed("timed out after 1s", Duration.ofSeconds(1));

    assertThat(outcome.observation()).isEmpty();
    assertThat(outcome.problem()).contains("timed out after 1s");
    assertThat(outcome.problem(Side.CANDIDATE)).contains("candidate timed out after 1s");
  }

  @Test
  void anUnavailableImplementationCouldNotBeRun() {
    RunOutcome outcome = new RunOutcome.Unavailable("no such file: ./old", Duration.ZERO);

    assertThat(outcome.observation()).isEmpty();
    assertThat(outcome.problem()).contains("no such file: ./old");
    assertThat(outcome.problem(Side.LEGACY))
        .contains("legacy could not be run: no such file: ./old");
  }
}
