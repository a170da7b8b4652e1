package dev.parity.run;

import dev.parity.fixture.Side;
import java.time.Duration;
import java.util.Optional;

/**
 * How one run ended: it completed, it failed while running, or the implementation could not be
 * started.
 */
public sealed interface RunOutcome {

  Duration duration();

  /** What the run produced; empty when it failed or could not start. */
  Optional<Observation> observation();

  /** Why the run gave no observation (e.g. {@code timed out after 5s}); empty when it completed. */
  Optional<String> problem();

  /**
   * The problem said of the side that ran, e.g. {@code legacy timed out after 5s} or {@code
   * candidate could not be run: ...}; empty when the run completed.
   */
  Optional<String> problem(Side side);

  /** The program ran to its end (whatever its exit code). */
  record Completed(Observation observed) implements RunOutcome {
    @Override
    public Duration duration() {
      return observed.duration();
    }

    @Override
    public Optional<Observation> observation() {
      return Optional.of(observed);
    }

    @Override
    public Optional<String> problem() {
      return Optional.empty();
    }

    @Override
    public Optional<String> problem(Side side) {
      return Optional.empty();
    }
  }

  /** A run that gave no observation, for the reason {@link #reason()}. */
  sealed interface NoObservation extends RunOutcome {
    /** Why, e.g. {@code timed out after 5s}. */
    String reason();

    @Override
    default Optional<Observation> observation() {
      return Optional.empty();
    }

    @Override
    default Optional<String> problem() {
      return Optional.of(reason());
    }
  }

  /**
   * The run started but gave no usable observation: it timed out, or its output exceeded the limit.
   */
  record Failed(String reason, Duration duration) implements NoObservation {
    @Override
    public Optional<String> problem(Side side) {
      return Optional.of(side.label() + " " + reason);
    }
  }

  /**
   * The implementation could not be run at all: missing binary, not executable, unreachable
   * service.
   */
  record Unavailable(String reason, Duration duration) implements NoObservation {
    @Override
    public Optional<String> problem(Side side) {
      return Optional.of(side.label() + " could not be run: " + reason);
    }
  }
}
