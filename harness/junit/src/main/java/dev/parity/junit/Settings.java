package dev.parity.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters ({@code junit-platform.properties}, Surefire's {@code
 * configurationParameters}, or {@code -D} system properties).
 *
 * @param suites {@code parity.suites}: suite folders or globs ({@code fixtures/*}),
 *     comma-separated, relative to the working directory
 * @param mode {@code parity.mode}: {@code verify} (default: against the goldens) or {@code compare}
 *     (both sides live)
 * @param jobs {@code parity.jobs}: cases run in parallel (default: the number of cores)
 * @param strict {@code parity.strict}: also fail on orphan goldens, pending results and expired
 *     accepted differences, as {@code parity verify --strict}
 * @param problem what is wrong with these parameters, which fails every suite
 */
record Settings(
    List<String> suites, Mode mode, int jobs, boolean strict, Optional<String> problem) {
  static final String SUITES = "parity.suites";
  static final String MODE = "parity.mode";
  static final String JOBS = "parity.jobs";
  static final String STRICT = "parity.strict";

  /** How the cases run: against the goldens or both sides live. */
  enum Mode {
    VERIFY,
    COMPARE
  }

  static Settings of(ConfigurationParameters parameters) {
    List<String> suites =
        parameters
            .get(SUITES)
            .map(
                value ->
                    Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
            .orElse(List.of());
    Optional<String> problem = Optional.empty();
    String modeText = parameters.get(MODE).orElse("verify").trim();
    Mode mode = Mode.VERIFY;
    switch (modeText.toLowerCase(Locale.ROOT)) {
      case "verify" -> mode = Mode.VERIFY;
      case "compare" -> mode = Mode.COMPARE;
      default ->
          problem =
              Optional.of(
                  "configuration parameter "
                      + MODE
                      + " ["
                      + modeText
                      + "] is not a mode; use verify (against the goldens) or compare (both sides"
                      + " live)");
    }
    int jobs = Runtime.getRuntime().availableProcessors();
    Optional<String> jobsText = parameters.get(JOBS).map(String::trim);
    if (jobsText.isPresent()) {
      try {
        jobs = Integer.parseInt(jobsText.get());
      } catch (NumberFormatException e) {
        jobs = 0;
      }
      if (jobs < 1 && problem.isEmpty()) {
        problem =
            Optional.of(
                "configuration parameter "
                    + JOBS
                    + " ["
                    + jobsText.get()
                    + "] is not a number of parallel cases; give a whole number of at least 1");
        jobs = 1;
      }
    }
    boolean strict = parameters.getBoolean(STRICT).orElse(false);
    return new Settings(suites, mode, jobs, strict, problem);
  }
}
