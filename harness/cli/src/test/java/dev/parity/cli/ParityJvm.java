package dev.parity.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the CLI in a JVM of its own, on the tests' class path. */
final class ParityJvm {
  private ParityJvm() {}

  /** {@code java -cp <tests' class path> dev.parity.cli.ParityCommand args...}. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParityCommand.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A process builder for {@link #command}, without the variable {@code CI}: these runs record
   * goldens, and the CI variable of the machine running the tests (set on most CI services) must
   * not turn them into pending results.
   */
  static ProcessBuilder process(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(CiEnvironment.VARIABLE);
    return builder;
  }

  /** {@link #process(List)} of {@link #command(String...) command(args)}. */
  static ProcessBuilder process(String... args) {
    return process(command(args));
  }
}
