package dev.parity.cli;

import dev.parity.engine.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --runs}, for the commands that run legacy more than once to find noise. */
final class RunsOption {
  @Option(
      names = "--runs",
      paramLabel = "N",
      description =
          "How often legacy runs per case to find noise (default: ${DEFAULT-VALUE}; 1 turns noise"
              + " detection and discounting off).")
  int runs = RunOptions.DEFAULT_RUNS;

  /** The number of legacy runs, or a usage error when it is below 1. */
  int runs(CommandLine commandLine) {
    if (runs < 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--runs must be at least 1, was [" + runs + "]");
    }
    return runs;
  }
}
