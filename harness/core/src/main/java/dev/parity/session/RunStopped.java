package dev.parity.session;

/**
 * The run was stopped by a signal (SIGTERM, Ctrl-C, SIGHUP) before it ended: its reports say so
 * instead of what an earlier run found.
 */
public final class RunStopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the reports and the console say. */
  static final String MESSAGE =
      "parity was stopped (SIGTERM, Ctrl-C or SIGHUP) before the run ended: no verdict; every"
          + " program it started was killed";

  public RunStopped() {
    super(MESSAGE);
  }
}
