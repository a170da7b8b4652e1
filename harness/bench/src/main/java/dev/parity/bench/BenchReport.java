package dev.parity.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.verdict.Performance;
import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of {@code parity bench}, as written to {@code bench.json}.
 *
 * @param suite the suite key
 * @param budgetMs the time budget
 * @param durationMs wall time spent
 * @param performance over all benchmarked cases, with per-case details
 * @param groups each tag of a benchmarked case, with the performance of its benchmarked cases
 */
@JsonPropertyOrder({"suite", "budgetMs", "durationMs", "performance", "groups"})
public record BenchReport(
    String suite,
    long budgetMs,
    long durationMs,
    Performance performance,
    SortedMap<String, Performance> groups) {
  public static final String FILE = "bench.json";

  public BenchReport {
    groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
  }

  public Duration duration() {
    return Duration.ofMillis(durationMs);
  }
}
