package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.Side;

/**
 * Receives every observation a run compares, raw as the side produced it and as compared (after
 * normalization), e.g. so reports can show both. In verify mode the legacy observation is the
 * golden. Called from worker threads.
 */
public interface ObservationSink {
  ObservationSink NONE = (testCase, side, raw, compared) -> {};

  void accept(Case testCase, Side side, Observation raw, Observation compared);

  /**
   * Receives what {@code record} compared for a case whose golden changed: the stored golden and
   * the new legacy run, each raw and as compared. By default they take the legacy and the candidate
   * place; the run archive stores them with the legacy command as the way to reproduce both.
   */
  default void recorded(
      Case testCase,
      Observation golden,
      Observation goldenCompared,
      Observation run,
      Observation runCompared) {
    accept(testCase, Side.LEGACY, golden, goldenCompared);
    accept(testCase, Side.CANDIDATE, run, runCompared);
  }
}
