package dev.parity.har;

/** A HAR file that cannot be imported, with where the problem is and how to fix it. */
public final class HarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarException(String message) {
    super(message);
  }
}
