package dev.parity.golden;

import dev.parity.run.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted difference of a case and the candidate observation it was accepted for.
 *
 * @param difference why, by whom, until when
 * @param observation the accepted candidate observation, raw as the candidate produced it
 * @param golden the {@link GoldenStore#state} of the golden it was accepted against; empty for a
 *     difference accepted by an older version, which did not note it
 */
public record Accepted(
    AcceptedDifference difference, Observation observation, Optional<String> golden) {
  public Accepted {
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(golden, "golden");
  }

  public static Accepted of(AcceptedDifference difference, Observation observation) {
    return new Accepted(difference, observation, Optional.empty());
  }

  /**
   * Whether it was accepted against another golden than the one whose state is {@code golden}: the
   * difference from this one was never reviewed.
   */
  public boolean acceptedAgainstAnother(String golden) {
    return this.golden.filter(g -> !g.equals(golden)).isPresent();
  }
}
