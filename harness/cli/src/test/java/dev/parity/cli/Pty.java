package dev.parity.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Runs a command on a pseudo-terminal: util-linux {@code script}, for the tests of a real TTY. */
final class Pty {
  private Pty() {}

  /** A process builder that runs {@code argv} inside {@code script}, which gives it a terminal. */
  static ProcessBuilder of(List<String> argv) {
    String command = argv.stream().map(Pty::quote).collect(Collectors.joining(" "));
    return new ProcessBuilder("script", "-qfec", command, "/dev/null");
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
