package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.fixture.PerformanceGate;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.SideTiming;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Judges recorded round times against a gate: no clock, no process, so every rule of the verdict is
 * tested on fixed numbers.
 */
final class BenchJudge {
  private BenchJudge() {}

  /**
   * One case's rounds (log ratios) and its result; {@code pulledTowardsOne} when its ratio, with
   * the harness's overhead kept in it, cannot show that it is within maxRatio.
   */
  record Judged(
      Case testCase, double[] logRatios, CasePerformance result, boolean pulledTowardsOne) {}

  /** The result of a case whose rounds were all measured. */
  static Judged judge(
      Case testCase,
      Rounds rounds,
      PerformanceGate gate,
      OptionalLong legacyPeak,
      OptionalLong candidatePeak) {
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
    CasePerformance result =
        CasePerformance.measured(
            testCase.id(),
            testCase.tags(),
            status,
            interval.ratio(),
            logRatios.length,
            timing(rounds.legacy(), legacyPeak),
            timing(rounds.candidate(), candidatePeak));
    if (enough) {
      result = result.withInterval(interval.low(), interval.high());
    }
    if (rounds.overheadSubtracted()) {
      result = result.withOverheadMs(rounds.overheadMs());
    }
    if (status == PerformanceStatus.PASS && pulledTowardsOne) {
      result = result.inconclusive(rounds.overheadCaveat());
    }
    return new Judged(testCase, logRatios, result, pulledTowardsOne);
  }

  /** The result of a case whose benchmark failed after {@code rounds} rounds. */
  static Judged failed(Case testCase, int rounds, String reason) {
    CasePerformance failed =
        CasePerformance.notMeasured(testCase.id(), testCase.tags(), rounds, reason);
    return new Judged(testCase, new double[0], failed, false);
  }

  /**
   * The performance of several cases together (a suite or a group): any error is an error; else the
   * pooled interval against the gate, never a pass while one case's ratio is pulled towards 1.
   */
  static Performance combine(List<Judged> measured, PerformanceGate gate, boolean withCases) {
    List<CasePerformance> cases =
        withCases ? measured.stream().map(Judged::result).toList() : List.of();
    List<Judged> failed =
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
        PairedBootstrap.of(measured.stream().map(Judged::logRatios).toList());
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
          measured.stream().filter(Judged::pulledTowardsOne).map(m -> m.testCase().id()).toList();
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
