package dev.parity.verdict;

/** The process exit codes of Parity, computed by one pure function. */
public final class ExitCodes {
  /** The candidate passed everything and ships (or: every golden was recorded). */
  public static final int PASS = 0;

  /** At least one mismatch or error: keep legacy. */
  public static final int MISMATCH = 1;

  /** Usage or configuration error: nothing ran. */
  public static final int USAGE = 2;

  /** An implementation could not be run at all (missing binary, not executable, unreachable). */
  public static final int UNAVAILABLE = 3;

  private ExitCodes() {}

  /** The exit code of a run: its verdict's {@link Verdict#status() status}. */
  public static int of(Verdict verdict) {
    return verdict.status().exitCode();
  }
}
