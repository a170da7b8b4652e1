package dev.parity.golden;

import dev.parity.run.Observation;
import java.util.Objects;

/**
 * An accepted difference of a case and the candidate observation it was accepted for.
 *
 * @param difference why, by whom, until when
 * @param observation the accepted candidate observation, raw as the candidate produced it
 */
public record Accepted(AcceptedDifference difference, Observation observation) {
  public Accepted {
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(observation, "observation");
  }

  public static Accepted of(AcceptedDifference difference, Observation observation) {
    return new Accepted(difference, observation);
  }
}
