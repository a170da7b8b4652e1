package dev.parity.engine;

import java.util.Optional;

/**
 * Options of one run.
 *
 * @param filter glob over case ids ({@code search/*}, {@code **}); empty runs every case
 * @param jobs cases run at the same time
 * @param update when recording, replace goldens that changed
 * @param runs how often legacy runs per case when recording or comparing, to find noise (1 turns it
 *     off)
 * @param noise whether {@code compare} discounts the noise it finds or only reports it
 */
public record RunOptions(
    Optional<String> filter, int jobs, boolean update, int runs, NoiseMode noise) {
  public static final int DEFAULT_RUNS = 2;

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    if (noise == null) {
      noise = NoiseMode.DISCOUNT;
    }
  }

  public RunOptions(Optional<String> filter, int jobs, boolean update, int runs) {
    this(filter, jobs, update, runs, NoiseMode.DISCOUNT);
  }

  public RunOptions(Optional<String> filter, int jobs, boolean update) {
    this(filter, jobs, update, DEFAULT_RUNS);
  }

  public static RunOptions defaults() {
    return new RunOptions(Optional.empty(), Runtime.getRuntime().availableProcessors(), false);
  }

  public RunOptions withFilter(String glob) {
    return new RunOptions(Optional.of(glob), jobs, update, runs, noise);
  }

  public RunOptions withJobs(int count) {
    return new RunOptions(filter, count, update, runs, noise);
  }

  public RunOptions withUpdate(boolean replace) {
    return new RunOptions(filter, jobs, replace, runs, noise);
  }

  public RunOptions withRuns(int count) {
    return new RunOptions(filter, jobs, update, count, noise);
  }

  public RunOptions withNoise(NoiseMode mode) {
    return new RunOptions(filter, jobs, update, runs, mode);
  }
}
