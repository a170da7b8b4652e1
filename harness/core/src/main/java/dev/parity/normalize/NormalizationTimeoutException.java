package dev.parity.normalize;

import java.time.Duration;

/**
 * Normalizing a case took longer than its timeout (a user regex that backtracks, a huge output).
 * The case is an error, never a pass.
 */
public final class NormalizationTimeoutException extends NormalizationException {
  private static final long serialVersionUID = 1L;

  NormalizationTimeoutException(Duration budget) {
    super(
        "normalization took longer than the case timeout of "
            + budget.toMillis()
            + " ms (a rule whose regex backtracks, or very large output); simplify the rule or"
            + " raise the case's timeout");
  }
}
