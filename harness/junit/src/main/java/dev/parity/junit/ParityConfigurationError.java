package dev.parity.junit;

/**
 * A suite that cannot run as configured: the message says what, where ({@code file:line:col}) and
 * how to fix it, exactly as the CLI says it. It carries no stack trace: the trace would only show
 * Parity's own code, never the user's mistake.
 */
public final class ParityConfigurationError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ParityConfigurationError(String message) {
    super(message, null, false, false);
  }
}
