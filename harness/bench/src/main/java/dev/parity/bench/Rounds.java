package dev.parity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The recorded paired rounds of one case: each side's time and the empty run's, in milliseconds.
 * Ratios are taken on times minus the harness's overhead (the median empty run, as hyperfine
 * subtracts its shell's start-up), when that overhead is at most half the faster side's median
 * time; for faster programs it would drown the signal in noise, and is not subtracted.
 */
final class Rounds {
  private final List<Double> legacy = new ArrayList<>();
  private final List<Double> candidate = new ArrayList<>();
  private final List<Double> empty = new ArrayList<>();

  /** Rounds recorded elsewhere: the three arrays are one round per index. */
  static Rounds of(double[] legacy, double[] candidate, double[] empty) {
    if (legacy.length != candidate.length || legacy.length != empty.length) {
      throw new IllegalArgumentException("one time per side and round is needed");
    }
    Rounds rounds = new Rounds();
    for (int i = 0; i < legacy.length; i++) {
      rounds.add(legacy[i], candidate[i], empty[i]);
    }
    return rounds;
  }

  void add(double legacyMs, double candidateMs, double emptyMs) {
    legacy.add(legacyMs);
    candidate.add(candidateMs);
    empty.add(emptyMs);
  }

  int size() {
    return legacy.size();
  }

  List<Double> legacy() {
    return List.copyOf(legacy);
  }

  List<Double> candidate() {
    return List.copyOf(candidate);
  }

  double overheadMs() {
    return median(empty);
  }

  /** Whether an overhead was measured but is too large a share of the times to subtract. */
  boolean overheadKept() {
    return overheadMs() > 0 && !overheadSubtracted();
  }

  boolean overheadSubtracted() {
    double overhead = overheadMs();
    return overhead > 0 && overhead <= 0.5 * Math.min(median(legacy), median(candidate));
  }

  String overheadCaveat() {
    return String.format(
        Locale.ROOT,
        "Parity's own cost per run (%.1f ms) is over half of the faster side's (%.1f ms) and pulls"
            + " the ratio towards 1: only a ratio below 1.00 can pass (benchmark cases that do more"
            + " work per run)",
        overheadMs(),
        Math.min(median(legacy), median(candidate)));
  }

  /** The natural logarithm of candidate/legacy per round, after the overhead when subtracted. */
  double[] logRatios() {
    double overhead = overheadSubtracted() ? overheadMs() : 0;
    double[] ratios = new double[size()];
    for (int i = 0; i < ratios.length; i++) {
      // A round faster than the median overhead keeps a tenth of its raw time rather than going
      // negative.
      double l = Math.max(legacy.get(i) - overhead, legacy.get(i) * 0.1);
      double c = Math.max(candidate.get(i) - overhead, candidate.get(i) * 0.1);
      ratios[i] = Math.log(c / l);
    }
    return ratios;
  }

  private static double median(List<Double> values) {
    DescriptiveStatistics stats = new DescriptiveStatistics();
    values.forEach(stats::addValue);
    return stats.getPercentile(50);
  }
}
