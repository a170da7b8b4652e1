package dev.parity.run;

import java.net.URI;
import java.util.Optional;

/**
 * A service a {@link Runner} started for an HTTP implementation: a local server process or a
 * container.
 */
public interface RunningService extends AutoCloseable {

  /** Where requests go, e.g. {@code http://127.0.0.1:41234}; a case's path is appended. */
  URI baseUri();

  /**
   * Why the service is no longer running (e.g. {@code exited with code 1}), or empty while it runs.
   */
  Optional<String> ended();

  /**
   * {@link #ended()} where knowing it costs next to nothing (a local process), asked after every
   * exchange: an answer on the port of a server that has ended may come from another process that
   * took the port. Empty where it would cost a call (a container, whose port the engine holds).
   */
  default Optional<String> endedCheaply() {
    return Optional.empty();
  }

  /**
   * The last lines of the service's output (process output or container log), for error reports.
   */
  String logTail();

  /** Stops the service and everything it started; never throws. */
  @Override
  void close();
}
