package dev.parity.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line picocli parses: every command, or only the one being run.
 *
 * <p>Picocli builds the model of a command (options, mixins, help sections) by reflection when the
 * command is added, and {@code @Command(subcommands = ...)} adds all sixteen. In {@code parity
 * verify} of one case that was a third of the run's fixed cost (issue 13, docs/benchmarks.md,
 * seventh pass), for fifteen commands it never parses. So when the first argument names a command,
 * only that command is built, under a root named {@code parity} as before; its parsing, help and
 * errors are the same (CommandTreeTests). Anything else (no argument, an option of parity itself,
 * {@code help}, {@code completion}, a mistyped command, whose suggestions need every name) gets the
 * whole tree.
 */
final class CommandTree {
  private CommandTree() {}

  /** The command line that runs {@code args}. */
  static CommandLine of(ParityCommand parity, String... args) {
    Optional<Class<?>> command = args.length == 0 ? Optional.empty() : named(args[0]);
    if (command.isEmpty()) {
      return whole(parity);
    }
    CommandSpec root = CommandSpec.wrapWithoutInspection(parity).name(name(ParityCommand.class));
    root.mixinStandardHelpOptions(true);
    CommandLine line = new CommandLine(root);
    line.addSubcommand(args[0], command.get());
    return line;
  }

  /** The command line with every command, as {@code @Command(subcommands = ...)} declares it. */
  static CommandLine whole(ParityCommand parity) {
    return new CommandLine(parity);
  }

  /**
   * The command of parity's that {@code name} names, other than {@code help} and {@code
   * completion}, which read every command's model.
   */
  private static Optional<Class<?>> named(String name) {
    for (Class<?> command : ParityCommand.class.getAnnotation(Command.class).subcommands()) {
      if (command != CommandLine.HelpCommand.class
          && command != CompletionCommand.class
          && name(command).equals(name)) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }

  private static String name(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    return annotation == null ? "" : annotation.name();
  }
}
