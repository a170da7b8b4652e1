package dev.parity.golden;

import java.nio.file.Path;

/** A golden that exists but cannot be read back: damaged by hand or half-deleted. */
public final class GoldenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GoldenException(Path where, String problem) {
    super(where + ": " + problem + "; re-record it with `parity record --update`");
  }
}
