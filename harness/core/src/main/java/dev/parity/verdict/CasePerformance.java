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
    Copy copy = new Copy(id, tags, status, rounds);
    copy.ratio = OptionalDouble.of(ratio);
    copy.legacy = Optional.of(legacy);
    copy.candidate = Optional.of(candidate);
    return copy.build();
  }

  /** A case that could not be measured after {@code rounds} rounds (status error), with why. */
  public static CasePerformance notMeasured(
      String id, List<String> tags, int rounds, String error) {
    Copy copy = new Copy(id, tags, PerformanceStatus.ERROR, rounds);
    copy.error = Optional.of(error);
    return copy.build();
  }

  /** This result with the 95% interval of its ratio. */
  public CasePerformance withInterval(double low, double high) {
    Copy copy = new Copy(this);
    copy.ciLow = OptionalDouble.of(low);
    copy.ciHigh = OptionalDouble.of(high);
    return copy.build();
  }

  /** This result with the harness overhead that was subtracted from both sides' times. */
  public CasePerformance withOverheadMs(double overhead) {
    Copy copy = new Copy(this);
    copy.overheadMs = OptionalDouble.of(overhead);
    return copy.build();
  }

  /** This result made inconclusive, with why a ratio inside maxRatio is still not a pass. */
  public CasePerformance inconclusive(String why) {
    Copy copy = new Copy(this);
    copy.status = PerformanceStatus.INCONCLUSIVE;
    copy.caveat = Optional.of(why);
    return copy.build();
  }

  /** The one place the components are spelled out: the factories and withers set what differs. */
  private static final class Copy {
    private final String id;
    private final List<String> tags;
    private PerformanceStatus status;
    private OptionalDouble ratio = OptionalDouble.empty();
    private OptionalDouble ciLow = OptionalDouble.empty();
    private OptionalDouble ciHigh = OptionalDouble.empty();
    private final int rounds;
    private Optional<SideTiming> legacy = Optional.empty();
    private Optional<SideTiming> candidate = Optional.empty();
    private OptionalDouble overheadMs = OptionalDouble.empty();
    private Optional<String> error = Optional.empty();
    private Optional<String> caveat = Optional.empty();

    Copy(String id, List<String> tags, PerformanceStatus status, int rounds) {
      this.id = id;
      this.tags = tags;
      this.status = status;
      this.rounds = rounds;
    }

    Copy(CasePerformance from) {
      this(from.id, from.tags, from.status, from.rounds);
      ratio = from.ratio;
      ciLow = from.ciLow;
      ciHigh = from.ciHigh;
      legacy = from.legacy;
      candidate = from.candidate;
      overheadMs = from.overheadMs;
      error = from.error;
      caveat = from.caveat;
    }

    CasePerformance build() {
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
          overheadMs,
          error,
          caveat);
    }
  }
}
