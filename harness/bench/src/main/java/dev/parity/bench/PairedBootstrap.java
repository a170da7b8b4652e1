package dev.parity.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The candidate/legacy time ratio with a 95% percentile-bootstrap interval over paired rounds.
 *
 * <p>Each round times legacy and candidate back to back, so machine drift hits both; its log ratio
 * {@code ln(candidate/legacy)} is one observation. A case's ratio is the 20% trimmed geometric mean
 * of its rounds' ratios: the lowest and highest fifth of the log ratios are set aside, because on a
 * shared machine a few rounds hit by another process's burst have very large ratios (measured here:
 * a 20% trim narrows the interval by a third compared with the plain mean, as much as the
 * Hodges-Lehmann estimator, at a fraction of its cost). A set of cases' ratio is the geometric mean
 * of the cases' ratios, each case weighing the same. The interval resamples rounds with replacement
 * within each case (stratified), {@value #RESAMPLES} times with a fixed seed, and takes the 2.5th
 * and 97.5th percentiles.
 */
final class PairedBootstrap {
  static final int RESAMPLES = 4000;

  /** Fewer resamples while a benchmark decides whether to stop (checked after every round). */
  static final int QUICK_RESAMPLES = 1000;

  static final double TRIM = 0.2;
  static final String METHOD =
      "20% trimmed geometric mean of paired-round ratios (candidate/legacy), geometric mean over cases; "
          + "95% percentile bootstrap over rounds, stratified by case, "
          + RESAMPLES
          + " resamples";
  private static final long SEED = 0x5eed_9a7e_11L;

  private PairedBootstrap() {}

  /** The estimate and its interval. */
  record Interval(double ratio, double low, double high) {
    /** Half the interval's width relative to the ratio, e.g. 0.05 for +-5%. */
    double relativeHalfWidth() {
      return (high - low) / 2 / ratio;
    }
  }

  /**
   * The interval over {@code cases}, each given as its rounds' log ratios (at least one round
   * each).
   */
  static Interval of(List<double[]> cases) {
    return of(cases, RESAMPLES);
  }

  /** The 20% trimmed mean: the mean of the values without their lowest and highest fifth. */
  static double trimmedMean(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int cut = (int) Math.floor(sorted.length * TRIM);
    return StatUtils.mean(sorted, cut, sorted.length - 2 * cut);
  }

  static Interval of(List<double[]> cases, int resamples) {
    if (cases.isEmpty() || cases.stream().anyMatch(c -> c.length == 0)) {
      throw new IllegalArgumentException("every case needs at least one round");
    }
    double estimate = 0;
    for (double[] rounds : cases) {
      estimate += trimmedMean(rounds);
    }
    estimate /= cases.size();
    SplittableRandom random = new SplittableRandom(SEED);
    double[] replicates = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (double[] rounds : cases) {
        double[] resample = new double[rounds.length];
        for (int i = 0; i < rounds.length; i++) {
          resample[i] = rounds[random.nextInt(rounds.length)];
        }
        sum += trimmedMean(resample);
      }
      replicates[b] = sum / cases.size();
    }
    return new Interval(
        Math.exp(estimate),
        Math.exp(StatUtils.percentile(replicates, 2.5)),
        Math.exp(StatUtils.percentile(replicates, 97.5)));
  }
}
