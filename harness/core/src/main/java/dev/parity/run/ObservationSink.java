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
}
