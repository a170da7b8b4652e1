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
}
