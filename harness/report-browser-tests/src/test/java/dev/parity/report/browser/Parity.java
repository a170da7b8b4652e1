package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.cli.ParityCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process to produce the reports the browser opens. */
final class Parity {
  private Parity() {}

  /**
   * Runs {@code parity args...}, checks it exits with {@code expected}, showing its console, and
   * returns what it printed.
   */
  static String run(int expected, String... args) {
    StringWriter console = new StringWriter();
    int exit = ParityCommand.execute(new PrintWriter(console), new PrintWriter(console), args);
    assertThat(exit).as(console.toString()).isEqualTo(expected);
    return console.toString();
  }
}
