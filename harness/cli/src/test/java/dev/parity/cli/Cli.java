package dev.parity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

  /**
   * Runs {@code parity} in this process's environment without {@code CI}, so the tests behave the
   * same on a developer's machine and in a pipeline that sets it.
   */
  static Cli run(String... args) {
    return run(outsideCi(), Clock.systemUTC(), args);
  }

  /**
   * Runs {@code parity} like {@link #run(String...)} (without {@code CI}) on the given console
   * streams, for tests that read them as they go.
   */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    return ParityCommand.execute(new ParityCommand(outsideCi(), Clock.systemUTC()), out, err, args);
  }

  private static Map<String, String> outsideCi() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(CiEnvironment.VARIABLE);
    return env;
  }

  /** Runs {@code parity} with {@code CI} set to {@code true}. */
  static Cli inCi(String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(CiEnvironment.VARIABLE, "true");
    return run(env, Clock.systemUTC(), args);
  }

  /** Runs {@code parity} with the given environment variables and clock. */
  static Cli run(Map<String, String> env, Clock clock, String... args) {
    return run(new ParityCommand(env, clock), args);
  }

  /** Runs {@code parity} as if its standard output were a terminal, with {@code env} (no CI). */
  static Cli onTerminal(Map<String, String> env, String... args) {
    Map<String, String> all = outsideCi();
    all.putAll(env);
    return run(new ParityCommand(all, Clock.systemUTC(), true), args);
  }

  private static Cli run(ParityCommand parity, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        ParityCommand.execute(parity, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Cli(code, out.toString(), err.toString());
  }
}
