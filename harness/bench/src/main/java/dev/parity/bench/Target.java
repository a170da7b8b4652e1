package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** One side of one case, as {@link ProcessBenchmark} runs it; remembers the first failure. */
final class Target {
  private final Runner runner;
  private final Suite suite;
  private final Side side;
  private final Implementation implementation;
  private final Case testCase;
  private final AtomicReference<String> failure = new AtomicReference<>();

  Target(Runner runner, Suite suite, Side side, Implementation implementation, Case testCase) {
    this.runner = runner;
    this.suite = suite;
    this.side = side;
    this.implementation = implementation;
    this.testCase = testCase;
  }

  /** Runs the case once; a run that fails, times out or cannot start is remembered and thrown. */
  void runOnce() {
    RunOutcome outcome = runner.run(suite, implementation, testCase);
    Optional<String> problem = outcome.problem(side);
    if (problem.isEmpty()) {
      return;
    }
    String reason = problem.get();
    failure.compareAndSet(null, reason);
    throw new IllegalStateException(reason);
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  Side side() {
    return side;
  }
}
