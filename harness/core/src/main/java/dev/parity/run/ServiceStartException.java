package dev.parity.run;

/**
 * A service could not be started; the message says what happened, {@link #logTail()} what it
 * printed.
 */
public final class ServiceStartException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String logTail;

  public ServiceStartException(String message, String logTail) {
    super(message);
    this.logTail = logTail;
  }

  public ServiceStartException(String message, String logTail, Throwable cause) {
    super(message, cause);
    this.logTail = logTail;
  }

  /** The last lines the service printed, or empty. */
  public String logTail() {
    return logTail;
  }
}
