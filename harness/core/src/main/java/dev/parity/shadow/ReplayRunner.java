package dev.parity.shadow;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.Observation;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The runner of one shadowed request: legacy's first run is the response the client already got;
 * every other run (the candidate, legacy's noise run, sent to {@code legacySecondary:} when the
 * suite has one) goes to the live runner. So {@code compare}'s own engine judges the request, noise
 * discounted as in {@code compare}. The candidate's observation is seen through {@code candidate}
 * ({@link Ledger#candidate()}).
 */
final class ReplayRunner implements Runner {
  private final Runner live;
  private final Observation first;
  private final UnaryOperator<Observation> candidate;
  private final AtomicBoolean replayed = new AtomicBoolean();

  ReplayRunner(Runner live, Observation first, UnaryOperator<Observation> candidate) {
    this.live = live;
    this.first = first;
    this.candidate = candidate;
  }

  @Override
  public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
    if (implementation == suite.legacy() && !replayed.getAndSet(true)) {
      return new RunOutcome.Completed(first);
    }
    RunOutcome outcome = live.run(suite, implementation, testCase);
    return implementation == suite.candidate() && outcome instanceof RunOutcome.Completed done
        ? new RunOutcome.Completed(candidate.apply(done.observed()))
        : outcome;
  }
}
