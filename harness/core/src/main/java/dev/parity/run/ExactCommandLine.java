package dev.parity.run;

import java.util.List;
import org.apache.commons.exec.CommandLine;

/**
 * A Commons Exec command line that starts exactly the given program with exactly the given
 * arguments. Commons Exec's own {@code CommandLine} trims every argument (spaces, tabs, line feeds,
 * ESC and every other character up to U+0020 at either end are lost), expands {@code ${name}} when
 * given a substitution map, and turns {@code \} in the program's path into the platform's
 * separator; a case's arguments are data, so none of that may happen to them. Commons Exec's
 * launchers start a process from {@link #toStrings()}, the one method they call.
 */
final class ExactCommandLine extends CommandLine {
  private final List<String> argv;

  private ExactCommandLine(List<String> argv) {
    super(argv.get(0));
    this.argv = List.copyOf(argv);
  }

  /** The command line {@code argv}: the program, then its arguments; {@code argv} is not empty. */
  static ExactCommandLine of(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command line needs a program");
    }
    return new ExactCommandLine(argv);
  }

  @Override
  public String[] toStrings() {
    return argv.toArray(String[]::new);
  }

  @Override
  public String getExecutable() {
    return argv.get(0);
  }

  @Override
  public String[] getArguments() {
    return argv.subList(1, argv.size()).toArray(String[]::new);
  }

  @Override
  public CommandLine addArgument(String argument, boolean handleQuoting) {
    throw new UnsupportedOperationException("an exact command line is complete when made");
  }
}
