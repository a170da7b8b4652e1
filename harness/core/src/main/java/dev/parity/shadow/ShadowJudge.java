package dev.parity.shadow;

import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.Progress;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.run.Observation;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Verdict;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Judges one shadowed request exactly as {@code parity compare} judges a case: the engine's compare
 * mode on a suite of that one request, with legacy's first run replayed.
 */
final class ShadowJudge {
  private final Suite suite;
  private final Runner live;
  private final ObservationComparator comparator = new ObservationComparator();
  private final RunOptions options = RunOptions.defaults().withJobs(1);

  ShadowJudge(Suite suite, Runner live) {
    this.suite = suite;
    this.live = live;
  }

  /** The request's result, the candidate's answer seen through {@code candidate}. */
  CaseResult judge(Mirrored request, UnaryOperator<Observation> candidate) {
    Suite one = suite.withCases(List.of(request.testCase()));
    Engine engine =
        new Engine(new ReplayRunner(live, request.legacy(), candidate), comparator, Progress.NONE);
    Verdict verdict = engine.compare(one, options);
    return verdict.fixtures().get(0);
  }
}
