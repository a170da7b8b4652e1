package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
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
    tags = List.copyOf(tags);
  }
}
