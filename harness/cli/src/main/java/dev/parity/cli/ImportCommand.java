package dev.parity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Make cases from captured traffic.",
    subcommands = {HarCommand.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing the kind of capture to import, e.g. parity import har");
  }
}
