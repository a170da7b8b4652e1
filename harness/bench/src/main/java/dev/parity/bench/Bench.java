package dev.parity.bench;

import dev.parity.engine.Engine;
import dev.parity.fixture.Case;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.PerformanceGate;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.Runner;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.SideTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

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
      return Engine.select(suite, filter);
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
    List<Measured> measured = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case testCase = cases.get(i);
      progress.caseStarted(testCase, i, cases.size());
      long elapsed = System.nanoTime() - start;
      // Each remaining case gets an equal share of what is left, so an early stop benefits the
      // rest.
      long share = Math.max(0, (budget.toNanos() - elapsed) / (cases.size() - i));
      Measured result = measure(suite, testCase, gate, share, options);
      measured.add(result);
      progress.caseFinished(result.result());
    }
    Performance overall = combine(measured, gate, true);
    SortedMap<String, Performance> groups = new TreeMap<>();
    measured.stream()
        .flatMap(m -> m.testCase().tags().stream())
        .distinct()
        .forEach(
            tag ->
                groups.put(
                    tag,
                    combine(
                        measured.stream().filter(m -> m.testCase().tags().contains(tag)).toList(),
                        gate,
                        false)));
    return new BenchReport(
        suite.key(), budget.toMillis(), (System.nanoTime() - start) / 1_000_000, overall, groups);
  }

  /**
   * One case's rounds (log ratios) and its result; {@code pulledTowardsOne} when its ratio, with
   * the harness's overhead kept in it, cannot show that it is within maxRatio.
   */
  private record Measured(
      Case testCase, double[] logRatios, CasePerformance result, boolean pulledTowardsOne) {}

  private Measured measure(
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
      CasePerformance failed =
          new CasePerformance(
              testCase.id(),
              testCase.tags(),
              PerformanceStatus.ERROR,
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              rounds.size(),
              Optional.empty(),
              Optional.empty(),
              OptionalDouble.empty(),
              Optional.of(reason),
              Optional.empty());
      return new Measured(testCase, new double[0], failed, false);
    } finally {
      Targets.remove(legacyKey);
      Targets.remove(candidateKey);
      emptyKey.ifPresent(Targets::remove);
      empty.ifPresent(EmptyRun::close);
    }
    OptionalLong legacyPeak = PeakMemory.of(runner, suite, suite.legacy(), testCase);
    OptionalLong candidatePeak = PeakMemory.of(runner, suite, suite.candidate(), testCase);
    double[] logRatios = rounds.logRatios();
    PairedBootstrap.Interval interval = PairedBootstrap.of(List.of(logRatios));
    boolean enough = logRatios.length >= BenchOptions.MIN_ROUNDS_FOR_INTERVAL;
    PerformanceStatus status =
        enough
            ? PerformanceStatus.judge(interval.low(), interval.high(), gate.maxRatio())
            : PerformanceStatus.INCONCLUSIVE;
    // An overhead kept in both sides' times pulls the ratio towards 1 but never across it: only a
    // ratio shown below 1 is sure to be within maxRatio.
    boolean pulledTowardsOne = rounds.overheadKept() && (!enough || interval.high() > 1.0);
    Optional<String> caveat = Optional.empty();
    if (status == PerformanceStatus.PASS && pulledTowardsOne) {
      status = PerformanceStatus.INCONCLUSIVE;
      caveat = Optional.of(rounds.overheadCaveat());
    }
    CasePerformance result =
        new CasePerformance(
            testCase.id(),
            testCase.tags(),
            status,
            OptionalDouble.of(interval.ratio()),
            enough ? OptionalDouble.of(interval.low()) : OptionalDouble.empty(),
            enough ? OptionalDouble.of(interval.high()) : OptionalDouble.empty(),
            logRatios.length,
            Optional.of(timing(rounds.legacy, legacyPeak)),
            Optional.of(timing(rounds.candidate, candidatePeak)),
            rounds.overheadSubtracted()
                ? OptionalDouble.of(rounds.overheadMs())
                : OptionalDouble.empty(),
            Optional.empty(),
            caveat);
    return new Measured(testCase, logRatios, result, pulledTowardsOne);
  }

  /**
   * The paired rounds of one case. Ratios are taken on times minus the harness's overhead (the
   * median empty run, as hyperfine subtracts its shell's start-up), when that overhead is at most
   * half the faster side's median time; for faster programs it would drown the signal in noise, and
   * is not subtracted.
   */
  private static final class Rounds {
    final List<Double> legacy = new ArrayList<>();
    final List<Double> candidate = new ArrayList<>();
    final List<Double> empty = new ArrayList<>();

    void add(double l, double c, double e) {
      legacy.add(l);
      candidate.add(c);
      empty.add(e);
    }

    int size() {
      return legacy.size();
    }

    double overheadMs() {
      return median(empty);
    }

    /** Whether an overhead was measured but is too large a share of the times to subtract. */
    boolean overheadKept() {
      return overheadMs() > 0 && !overheadSubtracted();
    }

    String overheadCaveat() {
      return String.format(
          Locale.ROOT,
          "Parity's own cost per run (%.1f ms) is over half of the faster side's (%.1f ms) and pulls the ratio towards 1:"
              + " only a ratio below 1.00 can pass (benchmark cases that do more work per run)",
          overheadMs(),
          Math.min(median(legacy), median(candidate)));
    }

    boolean overheadSubtracted() {
      double overhead = overheadMs();
      return overhead > 0 && overhead <= 0.5 * Math.min(median(legacy), median(candidate));
    }

    double[] logRatios() {
      double overhead = overheadSubtracted() ? overheadMs() : 0;
      double[] ratios = new double[size()];
      for (int i = 0; i < ratios.length; i++) {
        // A round faster than the median overhead keeps a tenth of its raw time rather than going
        // negative.
        double l = Math.max(legacy.get(i) - overhead, legacy.get(i) * 0.1);
        double c = Math.max(candidate.get(i) - overhead, candidate.get(i) * 0.1);
        ratios[i] = Math.log(c / l);
      }
      return ratios;
    }

    private static double median(List<Double> values) {
      DescriptiveStatistics stats = new DescriptiveStatistics();
      values.forEach(stats::addValue);
      return stats.getPercentile(50);
    }
  }

  private static Performance combine(
      List<Measured> measured, PerformanceGate gate, boolean withCases) {
    List<CasePerformance> cases =
        withCases ? measured.stream().map(Measured::result).toList() : List.of();
    List<Measured> failed =
        measured.stream().filter(m -> m.result().status() == PerformanceStatus.ERROR).toList();
    if (!failed.isEmpty()) {
      String error =
          failed.stream()
              .map(m -> "case " + m.testCase().id() + ": " + m.result().error().orElse("failed"))
              .collect(Collectors.joining("; "));
      return new Performance(
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          gate.maxRatio(),
          gate.alertRatio(),
          false,
          PerformanceStatus.ERROR,
          Optional.of(error),
          Optional.empty(),
          PairedBootstrap.METHOD,
          cases);
    }
    PairedBootstrap.Interval interval =
        PairedBootstrap.of(measured.stream().map(Measured::logRatios).toList());
    boolean enough =
        measured.stream()
            .allMatch(m -> m.logRatios().length >= BenchOptions.MIN_ROUNDS_FOR_INTERVAL);
    PerformanceStatus status =
        enough
            ? PerformanceStatus.judge(interval.low(), interval.high(), gate.maxRatio())
            : PerformanceStatus.INCONCLUSIVE;
    // A case whose ratio is pulled towards 1 could hide above maxRatio inside a passing mean.
    Optional<String> caveat = Optional.empty();
    if (status == PerformanceStatus.PASS) {
      List<String> pulled =
          measured.stream().filter(Measured::pulledTowardsOne).map(m -> m.testCase().id()).toList();
      if (!pulled.isEmpty()) {
        status = PerformanceStatus.INCONCLUSIVE;
        caveat =
            Optional.of(
                "Parity's own cost per run is over half of the faster side's in "
                    + (pulled.size() == 1 ? "case " : "cases ")
                    + String.join(", ", pulled)
                    + " and pulls the ratio towards 1: only a ratio below 1.00 can pass"
                    + " (benchmark cases that do more work per run)");
      }
    }
    return new Performance(
        OptionalDouble.of(interval.ratio()),
        enough ? OptionalDouble.of(interval.low()) : OptionalDouble.empty(),
        enough ? OptionalDouble.of(interval.high()) : OptionalDouble.empty(),
        gate.maxRatio(),
        gate.alertRatio(),
        interval.ratio() > gate.alertRatio(),
        status,
        Optional.empty(),
        caveat,
        PairedBootstrap.METHOD,
        cases);
  }

  private static SideTiming timing(List<Double> times, OptionalLong peak) {
    DescriptiveStatistics stats = new DescriptiveStatistics();
    times.forEach(stats::addValue);
    return new SideTiming(
        stats.getPercentile(50),
        stats.getPercentile(25),
        stats.getPercentile(75),
        times.size(),
        peak);
  }
}
