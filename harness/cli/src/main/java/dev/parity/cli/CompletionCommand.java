package dev.parity.cli;

import dev.parity.verdict.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parity completion}: the bash and zsh completion script picocli generates from the same
 * command model that parses the command line, so it cannot drift from the options.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for parity (commands, options, their values) on"
          + " standard output.",
      "bash: source <(parity completion)",
      "zsh: autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;"
          + " source <(parity completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("parity", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.PASS;
  }
}
