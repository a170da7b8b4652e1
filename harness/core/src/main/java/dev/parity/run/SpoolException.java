package dev.parity.run;

/**
 * An output over the in-memory limit that could not be kept on disk (the disk is full, the folder
 * cannot be written). The machine failed, not the program under test, and no case after it would
 * fare better: the run stops with this message (exit 2) instead of failing case after case as if
 * the candidate differed.
 */
public final class SpoolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SpoolException(String message, Throwable cause) {
    super(message, cause);
  }
}
