package dev.parity.maven;

import dev.parity.verdict.ExitCodes;
import java.util.Optional;

/**
 * What a parity exit code means for the build: it passes, it passes with a warning (a decision of
 * legacy with {@code failOnLegacy} off), or it fails with a message saying why and what to do.
 *
 * @param failure the build's failure message, when it fails
 * @param warning what to warn about, when it passes nonetheless
 */
record ExitOutcome(Optional<String> failure, Optional<String> warning) {
  /**
   * The outcome of {@code parity <command> <suite>} exiting with {@code code}; {@code problem} is
   * the last thing the command said on its error stream (empty when nothing).
   */
  static ExitOutcome of(
      String command, String suite, int code, boolean failOnLegacy, String problem) {
    String run = "parity " + command + " " + suite;
    String legacy =
        switch (code) {
          case ExitCodes.PASS -> "";
          case ExitCodes.MISMATCH ->
              run
                  + ": decision legacy (exit 1): at least one case differs or errored; the"
                  + " differences and where the reports are are listed above";
          case ExitCodes.UNAVAILABLE ->
              run
                  + ": decision legacy (exit 3): an implementation could not be run at all;"
                  + " see above";
          default -> "";
        };
    if (code == ExitCodes.PASS) {
      return new ExitOutcome(Optional.empty(), Optional.empty());
    }
    if (!legacy.isEmpty()) {
      return failOnLegacy
          ? new ExitOutcome(
              Optional.of(
                  legacy
                      + ". To only report, set <failOnLegacy>false</failOnLegacy> or"
                      + " -Dparity.failOnLegacy=false."),
              Optional.empty())
          : new ExitOutcome(
              Optional.empty(), Optional.of(legacy + " (failOnLegacy is false: build goes on)."));
    }
    // A usage or configuration error decides nothing: failOnLegacy never hides it.
    return new ExitOutcome(
        Optional.of(
            run
                + ": "
                + (code == ExitCodes.USAGE
                    ? "usage or configuration error (exit 2), nothing was compared"
                    : "exit " + code)
                + (problem.isEmpty() ? "" : ": " + problem)),
        Optional.empty());
  }
}
