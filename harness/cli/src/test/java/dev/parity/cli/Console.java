package dev.parity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The real command line run in-process on console streams that keep what every run printed, for a
 * test that runs several commands and reads their output together.
 */
final class Console {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code parity args} (without {@code CI}) and returns its exit code. */
  int parity(String... args) {
    return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Forgets what was printed so far. */
  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  /** Both streams, for an assertion's description. */
  @Override
  public String toString() {
    return out + "\n" + err;
  }
}
