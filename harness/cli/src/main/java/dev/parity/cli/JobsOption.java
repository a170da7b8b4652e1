package dev.parity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -j/--jobs}, for every command that runs cases. */
final class JobsOption {
  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Cases run in parallel (default: the number of cores, ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  /** The number of parallel cases, or a usage error when it is below 1. */
  int jobs(CommandLine commandLine) {
    if (jobs < 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--jobs must be at least 1, was [" + jobs + "]");
    }
    return jobs;
  }
}
