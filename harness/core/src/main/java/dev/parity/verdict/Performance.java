package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The performance part of a verdict: the candidate/legacy time ratio over the benchmarked cases,
 * its 95% interval, and the gate's status.
 *
 * @param ratio candidate/legacy time ratio (geometric mean over cases); empty when nothing was
 *     measured
 * @param ciLow lower bound of the 95% interval
 * @param ciHigh upper bound of the 95% interval
 * @param maxRatio the gate: the largest ratio that ships
 * @param alertRatio above this ratio {@code alert} is set
 * @param alert whether the ratio exceeds {@code alertRatio}
 * @param status pass, fail, inconclusive or error
 * @param error why it could not be measured, for status error
 * @param caveat why a ratio inside {@code maxRatio} is still not a pass (status inconclusive), e.g.
 *     a harness overhead too large to subtract
 * @param method how the interval was computed
 * @param cases per benchmarked case
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({
  "ratio",
  "ciLow",
  "ciHigh",
  "maxRatio",
  "alertRatio",
  "alert",
  "status",
  "error",
  "caveat",
  "method",
  "cases"
})
public record Performance(
    OptionalDouble ratio,
    OptionalDouble ciLow,
    OptionalDouble ciHigh,
    double maxRatio,
    double alertRatio,
    boolean alert,
    PerformanceStatus status,
    Optional<String> error,
    Optional<String> caveat,
    String method,
    List<CasePerformance> cases) {

  public Performance {
    cases = List.copyOf(cases);
  }

  /** The same figures without the per-case details (for groups). */
  public Performance withoutCases() {
    return new Performance(
        ratio,
        ciLow,
        ciHigh,
        maxRatio,
        alertRatio,
        alert,
        status,
        error,
        caveat,
        method,
        List.of());
  }

  /** One plain sentence, e.g. "candidate is 1.31x slower (95% CI 1.22-1.40), above 1.10". */
  public String sentence() {
    if (status == PerformanceStatus.ERROR) {
      return "performance could not be measured: " + error.orElse("a benchmark run failed");
    }
    if (ratio.isEmpty()) {
      return "performance is inconclusive: too few rounds ran within the time budget";
    }
    double r = ratio.getAsDouble();
    String speed =
        r >= 1
            ? String.format(Locale.ROOT, "candidate is %.2fx slower", r)
            : String.format(Locale.ROOT, "candidate is %.2fx faster (ratio %.2f)", 1 / r, r);
    String interval =
        ciLow.isPresent() && ciHigh.isPresent()
            ? String.format(
                Locale.ROOT, " (95%% CI %.2f-%.2f)", ciLow.getAsDouble(), ciHigh.getAsDouble())
            : "";
    String gate;
    if (status == PerformanceStatus.PASS) {
      gate = String.format(Locale.ROOT, ", within %.2f", maxRatio);
    } else if (status == PerformanceStatus.FAIL) {
      gate = String.format(Locale.ROOT, ", above %.2f", maxRatio);
    } else if (caveat.isPresent()) {
      gate = String.format(Locale.ROOT, ", inconclusive against %.2f: ", maxRatio) + caveat.get();
    } else {
      gate =
          String.format(
              Locale.ROOT,
              ", inconclusive against %.2f: the interval is too wide to decide within the time budget",
              maxRatio);
    }
    return speed + interval + gate;
  }

  /** The alert sentence, when the ratio exceeds alertRatio. */
  public Optional<String> alertSentence() {
    if (!alert || ratio.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "alert: ratio %.2f is above alertRatio %.2f",
            ratio.getAsDouble(),
            alertRatio));
  }
}
