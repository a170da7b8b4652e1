package dev.parity.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The performance of a run from its shards' benchmarks. The shards' rounds are not kept, so the
 * pooled interval of an unsharded run cannot be computed again; the merged interval spans every
 * shard's interval instead. It is never narrower than a shard's, and it passes only when every
 * shard passed: a merge is never more favourable to the candidate than its shards.
 */
final class ShardPerformance {
  private ShardPerformance() {}

  /** The performance of a gate none of whose shards benchmarked a case: an error. */
  static Performance none() {
    return new Performance(
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        0,
        0,
        false,
        PerformanceStatus.ERROR,
        Optional.of("no shard benchmarked a case"),
        Optional.empty(),
        "",
        List.of());
  }

  static Performance hull(List<Performance> parts) {
    Performance first = parts.get(0);
    List<CasePerformance> cases =
        parts.stream()
            .flatMap(p -> p.cases().stream())
            .sorted(Comparator.comparing(CasePerformance::id))
            .toList();
    String method =
        first.method()
            + (parts.size() == 1
                ? ""
                : "; merged from " + parts.size() + " shards: the interval spans theirs");
    List<Performance> failed =
        parts.stream().filter(p -> p.status() == PerformanceStatus.ERROR).toList();
    if (!failed.isEmpty()) {
      String error =
          failed.stream()
              .map(p -> p.error().orElse("a benchmark run failed"))
              .collect(Collectors.joining("; "));
      return new Performance(
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          first.maxRatio(),
          first.alertRatio(),
          false,
          PerformanceStatus.ERROR,
          Optional.of(error),
          Optional.empty(),
          method,
          cases);
    }
    boolean measured = parts.stream().allMatch(p -> p.ratio().isPresent());
    boolean intervals =
        parts.stream().allMatch(p -> p.ciLow().isPresent() && p.ciHigh().isPresent());
    // The geometric mean of the shards' ratios, each weighing as many cases as it benchmarked.
    double weights = parts.stream().mapToDouble(ShardPerformance::weight).sum();
    OptionalDouble ratio =
        measured
            ? OptionalDouble.of(
                Math.exp(
                    parts.stream()
                            .mapToDouble(p -> weight(p) * Math.log(p.ratio().getAsDouble()))
                            .sum()
                        / weights))
            : OptionalDouble.empty();
    OptionalDouble low =
        intervals
            ? OptionalDouble.of(
                parts.stream().mapToDouble(p -> p.ciLow().getAsDouble()).min().orElseThrow())
            : OptionalDouble.empty();
    OptionalDouble high =
        intervals
            ? OptionalDouble.of(
                parts.stream().mapToDouble(p -> p.ciHigh().getAsDouble()).max().orElseThrow())
            : OptionalDouble.empty();
    PerformanceStatus status =
        measured && intervals
            ? PerformanceStatus.judge(low.getAsDouble(), high.getAsDouble(), first.maxRatio())
            : PerformanceStatus.INCONCLUSIVE;
    Optional<String> caveat =
        parts.stream().map(Performance::caveat).flatMap(Optional::stream).findFirst();
    if (status == PerformanceStatus.PASS
        && parts.stream().anyMatch(p -> p.status() != PerformanceStatus.PASS)) {
      status = PerformanceStatus.INCONCLUSIVE;
      caveat = caveat.or(() -> Optional.of("a shard's benchmark did not pass"));
    }
    return new Performance(
        ratio,
        low,
        high,
        first.maxRatio(),
        first.alertRatio(),
        ratio.isPresent() && ratio.getAsDouble() > first.alertRatio(),
        status,
        Optional.empty(),
        status == PerformanceStatus.INCONCLUSIVE ? caveat : Optional.empty(),
        method,
        cases);
  }

  private static double weight(Performance part) {
    return Math.max(1, part.cases().size());
  }
}
