package dev.parity.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * Options of one benchmark.
 *
 * @param filter glob over case ids; empty selects the cases tagged {@code bench}, or all when none
 *     is
 * @param timeBudget wall time for all selected cases; empty means {@link #defaultBudget(int)}
 * @param precision stop a case early once its interval's half-width is at most this fraction of the
 *     ratio
 * @param minRounds paired rounds measured before a case may stop early
 */
public record BenchOptions(
    Optional<String> filter, Optional<Duration> timeBudget, double precision, int minRounds) {
  /** Fewer paired rounds than this give no interval: the case is inconclusive. */
  public static final int MIN_ROUNDS_FOR_INTERVAL = 3;

  public BenchOptions {
    if (!(precision > 0)) {
      throw new IllegalArgumentException("precision must be above 0, was " + precision);
    }
    if (minRounds < MIN_ROUNDS_FOR_INTERVAL) {
      throw new IllegalArgumentException(
          "minRounds must be at least " + MIN_ROUNDS_FOR_INTERVAL + ", was " + minRounds);
    }
  }

  public static BenchOptions defaults() {
    return new BenchOptions(Optional.empty(), Optional.empty(), 0.02, 6);
  }

  public BenchOptions withFilter(Optional<String> glob) {
    return new BenchOptions(glob, timeBudget, precision, minRounds);
  }

  public BenchOptions withTimeBudget(Duration budget) {
    return new BenchOptions(filter, Optional.of(budget), precision, minRounds);
  }

  public BenchOptions withPrecision(double fraction) {
    return new BenchOptions(filter, timeBudget, fraction, minRounds);
  }

  /** 30 s per benchmarked case, at most 3 minutes for the suite. */
  public static Duration defaultBudget(int cases) {
    Duration perCase = Duration.ofSeconds(30).multipliedBy(Math.max(1, cases));
    Duration cap = Duration.ofMinutes(3);
    return perCase.compareTo(cap) > 0 ? cap : perCase;
  }

  public Duration budgetFor(int cases) {
    return timeBudget.orElseGet(() -> defaultBudget(cases));
  }
}
