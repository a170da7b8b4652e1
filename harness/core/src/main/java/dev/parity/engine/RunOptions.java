package dev.parity.engine;

import java.util.Optional;

/**
 * Options of one run.
 *
 * @param filter glob over case ids ({@code search/*}, {@code **}); empty runs every case
 * @param jobs cases run at the same time
 * @param update when recording, replace goldens that changed
 */
public record RunOptions(Optional<String> filter, int jobs, boolean update) {

  public RunOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
    }
  }

  public static RunOptions defaults() {
    return new RunOptions(Optional.empty(), Runtime.getRuntime().availableProcessors(), false);
  }

  public RunOptions withFilter(String glob) {
    return new RunOptions(Optional.of(glob), jobs, update);
  }

  public RunOptions withJobs(int count) {
    return new RunOptions(filter, count, update);
  }

  public RunOptions withUpdate(boolean replace) {
    return new RunOptions(filter, jobs, replace);
  }
}
