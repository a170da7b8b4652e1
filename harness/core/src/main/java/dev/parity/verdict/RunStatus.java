package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a whole run ended, derived from its verdict by {@link Verdict#status()}: the one value every
 * report, the console and the exit code are derived from.
 */
public enum RunStatus {
  /** The candidate ships (or, when recording, every golden is stored and current). */
  PASS(ExitCodes.PASS),
  /** Legacy stays: a case differs or errored, performance did not pass, or no case ran. */
  FAIL(ExitCodes.MISMATCH),
  /** An implementation could not be run at all. */
  UNAVAILABLE(ExitCodes.UNAVAILABLE),
  /** The run could not produce a verdict (bad configuration, internal error). */
  ERROR(ExitCodes.USAGE);

  private final int exitCode;

  RunStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RunStatus of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
