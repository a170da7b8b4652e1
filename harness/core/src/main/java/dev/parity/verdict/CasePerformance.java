package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The benchmark of one case: candidate/legacy time ratio with its 95% interval, and each side's
 * times.
 *
 * @param id the case id
 * @param tags the case's tags (its groups)
 * @param status judged against the suite's maxRatio
 * @param ratio candidate/legacy time ratio (geometric mean of the paired rounds' ratios)
 * @param ciLow lower bound of the 95% bootstrap interval
 * @param ciHigh upper bound of the 95% bootstrap interval
 * @param rounds paired rounds measured
 * @param legacy legacy's times, empty when it failed
 * @param candidate candidate's times, empty when it failed
 * @param overheadMs the harness's own cost per run, subtracted from both sides' times before the
 *     ratio is taken (empty when it was not subtracted)
 * @param error why the case could not be measured
 * @param caveat why a ratio inside {@code maxRatio} is still not a pass (status inconclusive)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({
  "id",
  "status",
  "ratio",
  "ciLow",
  "ciHigh",
  "rounds",
  "legacy",
  "candidate",
  "overheadMs",
  "error",
  "caveat",
  "tags"
})
public record CasePerformance(
    String id,
    List<String> tags,
    PerformanceStatus status,
    OptionalDouble ratio,
    OptionalDouble ciLow,
    OptionalDouble ciHigh,
    int rounds,
    Optional<SideTiming> legacy,
    Optional<SideTiming> candidate,
    OptionalDouble overheadMs,
    Optional<String> error,
    Optional<String> caveat) {

  public CasePerformance {
    Objects.requireNonNull(id, "id");
    tags = List.copyOf(tags);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(ratio, "ratio");
    Objects.requireNonNull(ciLow, "ciLow");
    Objects.requireNonNull(ciHigh, "ciHigh");
    Objects.requireNonNull(legacy, "legacy");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(overheadMs, "overheadMs");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(caveat, "caveat");
  }

  /**
   * A case whose rounds were measured: its ratio and both sides' times, with no interval (too few
   * rounds), overhead or caveat until the withers add them.
   */
  public static CasePerformance measured(
      String id,
      List<String> tags,
      PerformanceStatus status,
      double ratio,
      int rounds,
      SideTiming legacy,
      SideTiming candidate) {
    return new CasePerformance(
        id,
        tags,
        status,
        OptionalDouble.of(ratio),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        rounds,
        Optional.of(legacy),
        Optional.of(candidate),
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A case that could not be measured after {@code rounds} rounds (status error), with why. */
  public static CasePerformance notMeasured(
      String id, List<String> tags, int rounds, String error) {
    return new CasePerformance(
        id,
        tags,
        PerformanceStatus.ERROR,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        rounds,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        Optional.of(error),
        Optional.empty());
  }

  /** This result with the 95% interval of its ratio. */
  public CasePerformance withInterval(double low, double high) {
    return new CasePerformance(
        id,
        tags,
        status,
        ratio,
        OptionalDouble.of(low),
        OptionalDouble.of(high),
        rounds,
        legacy,
        candidate,
        overheadMs,
        error,
        caveat);
  }

  /** This result with the harness overhead that was subtracted from both sides' times. */
  public CasePerformance withOverheadMs(double overhead) {
    return new CasePerformance(
        id,
        tags,
        status,
        ratio,
        ciLow,
        ciHigh,
        rounds,
        legacy,
        candidate,
        OptionalDouble.of(overhead),
        error,
        caveat);
  }

  /** This result made inconclusive, with why a ratio inside maxRatio is still not a pass. */
  public CasePerformance inconclusive(String why) {
    return new CasePerformance(
        id,
        tags,
        PerformanceStatus.INCONCLUSIVE,
        ratio,
        ciLow,
        ciHigh,
        rounds,
        legacy,
        candidate,
        overheadMs,
        error,
        Optional.of(why));
  }
}
