package dev.parity.cli;

import dev.parity.bench.BenchOptions;
import dev.parity.fixture.Durations;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The benchmark options shared by bench and gate. */
final class BenchOptionsMixin {
  @Option(
      names = "--time-budget",
      paramLabel = "DURATION",
      description =
          "Wall time for the whole benchmark, e.g. 30s or 2m (default: 30s per benchmarked case, at most"
              + " 3m). When the 95%% interval is still too wide to decide at its end, performance is"
              + " inconclusive.")
  @Nullable String timeBudget;

  @Option(
      names = "--precision",
      paramLabel = "FRACTION",
      description =
          "Stop measuring a case early once its 95%% interval's half-width is at most this fraction"
              + " of the ratio, e.g. 0.05 (default: 0.02). A wider precision decides clear cases"
              + " sooner; it never makes an undecided interval pass.")
  @Nullable Double precision;

  BenchOptions options(CommandLine commandLine, Optional<String> filter) {
    BenchOptions options = BenchOptions.defaults().withFilter(filter);
    if (precision != null) {
      if (!(precision > 0 && precision < 1)) {
        throw new CommandLine.ParameterException(
            commandLine,
            "--precision ["
                + precision
                + "] is not a fraction between 0 and 1; write e.g. 0.05 for 5%");
      }
      options = options.withPrecision(precision);
    }
    if (timeBudget == null) {
      return options;
    }
    Duration budget =
        Durations.parse(timeBudget)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        commandLine,
                        "--time-budget ["
                            + timeBudget
                            + "] is not a positive duration; write e.g. 500ms, 30s or 2m"));
    return options.withTimeBudget(budget);
  }
}
