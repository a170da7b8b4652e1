package dev.parity.run;

import java.time.Duration;

/**
 * How one run ended: it completed, it failed while running, or the implementation could not be
 * started.
 */
public sealed interface RunOutcome {

  Duration duration();

  /** The program ran to its end (whatever its exit code). */
  record Completed(Observation observation) implements RunOutcome {
    @Override
    public Duration duration() {
      return observation.duration();
    }
  }

  /**
   * The run started but gave no usable observation: it timed out, or its output exceeded the limit.
   */
  record Failed(String reason, Duration duration) implements RunOutcome {}

  /**
   * The implementation could not be run at all: missing binary, not executable, unreachable
   * service.
   */
  record Unavailable(String reason, Duration duration) implements RunOutcome {}
}
