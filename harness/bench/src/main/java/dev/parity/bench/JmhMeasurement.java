package dev.parity.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Times single runs of a {@link Target} with JMH's Runner API: single-shot mode, in this JVM,
 * silent.
 */
final class JmhMeasurement {
  private static final String BENCHMARK =
      "^" + Pattern.quote(ProcessBenchmark.class.getName() + ".run") + "$";

  static {
    // Several gates may run at once on a CI machine; each measures its own processes, so JMH's
    // machine-wide lock (meant for forked JVM benchmarks) would only make them fail.
    System.setProperty("jmh.ignoreLock", "true");
  }

  private JmhMeasurement() {}

  /** Runs the target {@code shots} times and returns each run's wall time in milliseconds. */
  static double[] measure(String targetKey, int shots) {
    Options options =
        new OptionsBuilder()
            .include(BENCHMARK)
            .param("target", targetKey)
            .forks(0)
            .threads(1)
            .warmupIterations(0)
            .measurementIterations(shots)
            .mode(Mode.SingleShotTime)
            .timeUnit(TimeUnit.MICROSECONDS)
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } catch (RunnerException e) {
      throw new MeasurementException(e);
    }
    List<Double> times = new ArrayList<>();
    for (RunResult run : results) {
      for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
        for (IterationResult iteration : benchmark.getIterationResults()) {
          times.add(iteration.getPrimaryResult().getScore() / 1_000.0);
        }
      }
    }
    if (times.size() != shots) {
      throw new MeasurementException(
          new IllegalStateException("JMH returned " + times.size() + " of " + shots + " runs"));
    }
    return times.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * JMH could not measure: the target failed (see {@link Target#failure()}) or JMH itself failed.
   */
  static final class MeasurementException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MeasurementException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
