package dev.parity.bench.hotpath;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the hot-path benchmarks: {@code java -cp harness/cli/target/parity.jar
 * dev.parity.bench.hotpath.HotPaths}.
 *
 * <p>Defaults: one fork, 3 warm-up and 5 measured iterations of 1 s each. Any JMH command-line
 * option overrides them (e.g. {@code -f 2 -i 10}, or a regexp to run only some benchmarks).
 */
public final class HotPaths {
  private HotPaths() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions given = new CommandLineOptions(args);
    OptionsBuilder builder = new OptionsBuilder();
    if (given.getIncludes().isEmpty()) {
      builder.include(HotPaths.class.getPackageName().replace(".", "\\.") + "\\.");
    }
    Options options =
        builder
            // Options given on the command line win over these defaults (OptionsBuilder's own
            // values
            // would otherwise shadow its parent's).
            .forks(given.getForkCount().orElse(1))
            .warmupIterations(given.getWarmupIterations().orElse(3))
            .warmupTime(given.getWarmupTime().orElse(TimeValue.seconds(1)))
            .measurementIterations(given.getMeasurementIterations().orElse(5))
            .measurementTime(given.getMeasurementTime().orElse(TimeValue.seconds(1)))
            .parent(given)
            .build();
    new Runner(options).run();
  }
}
