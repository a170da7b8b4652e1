package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.PerformanceGate;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.Runner;
import dev.parity.verdict.Performance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Benchmarks a suite's cases on both sides and judges the candidate/legacy time ratio against the
 * suite's gate.
 *
 * <p>Per case: one untimed warm-up run of each side, then paired rounds until the case's share of
 * the time budget is spent or its 95% interval is narrower than the precision asked for. A round
 * times one legacy run and one candidate run with JMH, in alternating order (legacy first in even
 * rounds, candidate first in odd ones), so that drift of the machine hits both sides alike.
 */
public final class Bench {
  /** The tag that selects benchmark cases when no filter is given. */
  public static final String BENCH_TAG = "bench";

  private final Runner runner;
  private final BenchProgress progress;

  public Bench(Runner runner, BenchProgress progress) {
    this.runner = runner;
    this.progress = progress;
  }

  /**
   * The cases to benchmark: those matching {@code filter}; else those tagged {@code bench}; else
   * all.
   */
  public static List<Case> select(Suite suite, Optional<String> filter) {
    if (filter.isPresent()) {
      return suite.select(filter);
    }
    List<Case> tagged = suite.cases().stream().filter(c -> c.tags().contains(BENCH_TAG)).toList();
    if (!tagged.isEmpty()) {
      return tagged;
    }
    if (suite.cases().isEmpty()) {
      throw new ConfigException(
          suite.folder(), "the suite has no case to benchmark; add cases to suite.yaml");
    }
    return suite.cases();
  }

  /**
   * Benchmarks the selected cases against the suite's gate ({@link PerformanceGate#DEFAULT} when it
   * has none).
   */
  public BenchReport run(Suite suite, BenchOptions options) {
    List<Case> cases = select(suite, options.filter());
    PerformanceGate gate = suite.performance().orElse(PerformanceGate.DEFAULT);
    Duration budget = options.budgetFor(cases.size());
    // Fresh connections: the same conditions whether an earlier step (a parallel verify) ran or
    // not.
    runner.resetConnections();
    long start = System.nanoTime();
    List<BenchJudge.Judged> measured = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case testCase = cases.get(i);
      progress.caseStarted(testCase, i, cases.size());
      long elapsed = System.nanoTime() - start;
      // Each remaining case gets an equal share of what is left, so an early stop benefits the
      // rest.
      long share = Math.max(0, (budget.toNanos() - elapsed) / (cases.size() - i));
      BenchJudge.Judged result = measure(suite, testCase, gate, share, options);
      measured.add(result);
      progress.caseFinished(result.result());
    }
    Performance overall = BenchJudge.combine(measured, gate, true);
    SortedMap<String, Performance> groups = new TreeMap<>();
    measured.stream()
        .flatMap(m -> m.testCase().tags().stream())
        .distinct()
        .forEach(
            tag ->
                groups.put(
                    tag,
                    BenchJudge.combine(
                        measured.stream().filter(m -> m.testCase().tags().contains(tag)).toList(),
                        gate,
                        false)));
    return new BenchReport(
        suite.key(), budget.toMillis(), (System.nanoTime() - start) / 1_000_000, overall, groups);
  }

  /**
   * Why the two sides' untimed first runs do not time the same work: they ended differently (say,
   * the candidate exits 1 where legacy exits 0); empty when they ended alike.
   */
  private static Optional<String> unlike(Target legacy, Target candidate) {
    RunEnd legacyEnd = legacy.firstEnd().orElseThrow();
    RunEnd candidateEnd = candidate.firstEnd().orElseThrow();
    if (legacyEnd.equals(candidateEnd)) {
      return Optional.empty();
    }
    return Optional.of(
        "candidate ended with "
            + candidateEnd
            + " where legacy ended with "
            + legacyEnd
            + ": runs that end differently do not time the same work (see parity compare)");
  }

  private BenchJudge.Judged measure(
      Suite suite, Case testCase, PerformanceGate gate, long budgetNanos, BenchOptions options) {
    Target legacy = new Target(runner, suite, Side.LEGACY, suite.legacy(), testCase);
    Target candidate = new Target(runner, suite, Side.CANDIDATE, suite.candidate(), testCase);
    Optional<EmptyRun> empty = EmptyRun.of(runner, suite, testCase);
    String legacyKey = Targets.register(legacy);
    String candidateKey = Targets.register(candidate);
    Optional<String> emptyKey = empty.map(e -> Targets.register(e.target()));
    long start = System.nanoTime();
    Rounds rounds = new Rounds();
    try {
      legacy.runOnce();
      candidate.runOnce();
      Optional<String> unlike = unlike(legacy, candidate);
      if (unlike.isPresent()) {
        return BenchJudge.failed(testCase, 0, unlike.get());
      }
      while (true) {
        long roundStart = System.nanoTime();
        double l;
        double c;
        if (rounds.size() % 2 == 0) {
          l = JmhMeasurement.measure(legacyKey, 1)[0];
          c = JmhMeasurement.measure(candidateKey, 1)[0];
        } else {
          c = JmhMeasurement.measure(candidateKey, 1)[0];
          l = JmhMeasurement.measure(legacyKey, 1)[0];
        }
        double e = emptyKey.isPresent() ? JmhMeasurement.measure(emptyKey.get(), 1)[0] : 0;
        rounds.add(l, c, e);
        long now = System.nanoTime();
        if (rounds.size() >= options.minRounds()
            && PairedBootstrap.of(List.of(rounds.logRatios()), PairedBootstrap.QUICK_RESAMPLES)
                    .relativeHalfWidth()
                <= options.precision()) {
          break;
        }
        if (now + (now - roundStart) - start > budgetNanos) {
          break;
        }
      }
    } catch (RuntimeException e) {
      String reason =
          legacy.failure().or(candidate::failure).orElse("the benchmark failed: " + e.getMessage());
      return BenchJudge.failed(testCase, rounds.size(), reason);
    } finally {
      Targets.remove(legacyKey);
      Targets.remove(candidateKey);
      emptyKey.ifPresent(Targets::remove);
      empty.ifPresent(EmptyRun::close);
    }
    OptionalLong legacyPeak = PeakMemory.of(runner, suite, suite.legacy(), testCase);
    OptionalLong candidatePeak = PeakMemory.of(runner, suite, suite.candidate(), testCase);
    return BenchJudge.judge(testCase, rounds, gate, legacyPeak, candidatePeak);
  }
}
