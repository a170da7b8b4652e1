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

  public static int of(Verdict verdict) {
    if (!verdict.unavailable().isEmpty()) {
      return UNAVAILABLE;
    }
    if (verdict.mode() == Mode.RECORD) {
      Counts counts = verdict.counts();
      return counts.failed() + counts.errors() == 0 ? PASS : MISMATCH;
    }
    return verdict.decision() == Decision.CANDIDATE ? PASS : MISMATCH;
  }
}
