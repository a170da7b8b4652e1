package dev.parity.normalize;

/** Rules could not be applied to a case: the case is an error, never a pass. */
public abstract sealed class NormalizationException extends RuntimeException
    permits NormalizationTimeoutException, SpooledStreamException {
  private static final long serialVersionUID = 1L;

  NormalizationException(String message) {
    super(message);
  }
}
