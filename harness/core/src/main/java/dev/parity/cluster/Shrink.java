package dev.parity.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin): the smallest sublist of an input's parts (stdin lines, JSON
 * members, query parameters) that still shows a change, found by trying chunks and their
 * complements, within a time budget.
 *
 * <p>The result is 1-minimal when {@link Result#complete()}: removing any one part more loses the
 * change. Past the budget the smallest list found so far is returned, never a list that was not
 * checked to show the change.
 */
public final class Shrink {
  private Shrink() {}

  /**
   * What shrinking found.
   *
   * @param parts the smallest parts that still showed the change (all of them when none smaller
   *     did)
   * @param probes how many candidate inputs were tried
   * @param complete the search finished (1-minimal) rather than running out of budget
   */
  public record Result<T>(List<T> parts, int probes, boolean complete) {
    public Result {
      parts = List.copyOf(parts);
    }
  }

  /**
   * Shrinks {@code parts} while {@code shows} (whether an input made of those parts still shows the
   * change; it is not asked about the whole input, which is known to) holds.
   */
  public static <T> Result<T> minimize(List<T> parts, Predicate<List<T>> shows, Duration budget) {
    return minimize(parts, shows, budget, System::nanoTime);
  }

  /** As {@link #minimize(List, Predicate, Duration)}, timed by {@code clock} (nanoseconds). */
  public static <T> Result<T> minimize(
      List<T> parts, Predicate<List<T>> shows, Duration budget, LongSupplier clock) {
    long deadline = clock.getAsLong() + budget.toNanos();
    List<T> current = List.copyOf(parts);
    int chunks = 2;
    int probes = 0;
    while (current.size() >= 2) {
      List<List<T>> split = split(current, Math.min(chunks, current.size()));
      boolean reduced = false;
      for (int k = 0; k < split.size() && !reduced; k++) {
        if (clock.getAsLong() > deadline) {
          return new Result<>(current, probes, false);
        }
        probes++;
        if (shows.test(split.get(k))) {
          current = split.get(k);
          chunks = 2;
          reduced = true;
        }
      }
      for (int k = 0; k < split.size() && !reduced && split.size() > 2; k++) {
        if (clock.getAsLong() > deadline) {
          return new Result<>(current, probes, false);
        }
        List<T> complement = complement(split, k);
        probes++;
        if (shows.test(complement)) {
          current = complement;
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
        }
      }
      if (!reduced) {
        if (chunks >= current.size()) {
          break;
        }
        chunks = Math.min(2 * chunks, current.size());
      }
    }
    if (current.size() == 1) {
      // A single part may not be needed at all (the change shows on an empty input); not tried,
      // the search is not complete.
      if (clock.getAsLong() > deadline) {
        return new Result<>(current, probes, false);
      }
      probes++;
      if (shows.test(List.of())) {
        current = List.of();
      }
    }
    return new Result<>(current, probes, true);
  }

  private static <T> List<List<T>> split(List<T> parts, int chunks) {
    List<List<T>> split = new ArrayList<>(chunks);
    int start = 0;
    for (int k = 0; k < chunks; k++) {
      int end = start + (parts.size() - start) / (chunks - k);
      split.add(List.copyOf(parts.subList(start, end)));
      start = end;
    }
    return split;
  }

  private static <T> List<T> complement(List<List<T>> split, int left) {
    List<T> rest = new ArrayList<>();
    for (int k = 0; k < split.size(); k++) {
      if (k != left) {
        rest.addAll(split.get(k));
      }
    }
    return rest;
  }
}
