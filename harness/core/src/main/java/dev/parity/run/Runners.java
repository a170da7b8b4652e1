package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;

/** The runners of Parity. */
public final class Runners {
  private Runners() {}

  /**
   * Runs commands with {@link CommandRunner} and HTTP services (url, start, container) over HTTP.
   * Close it after the run.
   */
  public static Runner standard() {
    return new Dispatching(new CommandRunner(), new HttpRunner(HttpRunner.DEFAULT_MAX_BODY_BYTES));
  }

  /**
   * Like {@link #standard()}, but the services it starts are stopped only when it is closed, not by
   * a JVM shutdown hook of its own: for an owner whose own shutdown hook still runs cases and then
   * closes it (JVM shutdown hooks run at the same time, in no order). A program whose JVM is killed
   * still takes its services down: their launcher dies with it.
   */
  public static Runner closedByOwnersHook() {
    return new Dispatching(
        new CommandRunner(), new HttpRunner(HttpRunner.DEFAULT_MAX_BODY_BYTES, false));
  }

  /** Like {@link #standard()}, failing any response body larger than {@code maxBodyBytes}. */
  public static Runner standard(long maxBodyBytes) {
    return new Dispatching(new CommandRunner(), new HttpRunner(maxBodyBytes));
  }

  private record Dispatching(Runner commands, Runner http) implements Runner {
    @Override
    public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
      return implementation instanceof HttpImplementation
          ? http.run(suite, implementation, testCase)
          : commands.run(suite, implementation, testCase);
    }

    @Override
    public RunOutcome run(
        Suite suite, Implementation implementation, Case testCase, OutputScan.Factory scans) {
      return implementation instanceof HttpImplementation
          ? http.run(suite, implementation, testCase, scans)
          : commands.run(suite, implementation, testCase, scans);
    }

    @Override
    public RunOutcome run(
        Suite suite,
        Implementation implementation,
        Case testCase,
        OutputScan.Factory scans,
        Reference reference) {
      return implementation instanceof HttpImplementation
          ? http.run(suite, implementation, testCase, scans, reference)
          : commands.run(suite, implementation, testCase, scans, reference);
    }

    @Override
    public void resetConnections() {
      http.resetConnections();
      commands.resetConnections();
    }

    @Override
    public void close() {
      try {
        http.close();
      } finally {
        commands.close();
      }
    }
  }
}
