package dev.parity.golden;

import java.nio.file.Path;

/**
 * A golden that cannot be read back (damaged by hand, half-deleted) or a golden folder that cannot
 * be written safely (locked, a symbolic link, not writable); the message says what and how to fix.
 */
public final class GoldenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GoldenException(Path where, String problem) {
    this(where, problem, "re-record it with `parity record --update`");
  }

  public GoldenException(Path where, String problem, String fix) {
    super(where + ": " + problem + "; " + fix);
  }
}
