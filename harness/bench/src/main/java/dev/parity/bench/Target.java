package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One side of one case, as {@link ProcessBenchmark} runs it; remembers how its first run ended and
 * the first failure: a run that fails, times out, cannot start, or ends otherwise than the first
 * ({@link RunEnd}).
 */
final class Target {
  private final Runner runner;
  private final Suite suite;
  private final Side side;
  private final Implementation implementation;
  private final Case testCase;
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicReference<RunEnd> first = new AtomicReference<>();

  Target(Runner runner, Suite suite, Side side, Implementation implementation, Case testCase) {
    this.runner = runner;
    this.suite = suite;
    this.side = side;
    this.implementation = implementation;
    this.testCase = testCase;
  }

  /**
   * Runs the case once; a run that fails, times out, cannot start or ends otherwise than the first
   * is remembered and thrown.
   */
  void runOnce() {
    RunOutcome outcome = runner.run(suite, implementation, testCase);
    Optional<String> problem = outcome.problem(side).or(() -> changed(outcome));
    if (problem.isEmpty()) {
      return;
    }
    String reason = problem.get();
    failure.compareAndSet(null, reason);
    throw new IllegalStateException(reason);
  }

  private Optional<String> changed(RunOutcome outcome) {
    RunEnd end = RunEnd.of(outcome.observation().orElseThrow());
    RunEnd before = first.compareAndExchange(null, end);
    if (before == null || before.equals(end)) {
      return Optional.empty();
    }
    return Optional.of(
        side.label()
            + " ended with "
            + end
            + " in a timed run, where its first run ended with "
            + before
            + ": a run that fails is not a time to compare (is it out of a resource, rate"
            + " limited, or crashing under repeated runs?)");
  }

  /** How the first run ended; empty before a run completed. */
  Optional<RunEnd> firstEnd() {
    return Optional.ofNullable(first.get());
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  Side side() {
    return side;
  }
}
