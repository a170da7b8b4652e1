package dev.parity.junit;

/**
 * A case that could not be judged (the side timed out or could not be run, no golden): an error,
 * not a difference. The message is the case's summary and facts, as junit.xml gives them; a stack
 * trace would only show Parity's own code.
 */
public final class ParityCaseError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ParityCaseError(String message) {
    super(message, null, false, false);
  }
}
