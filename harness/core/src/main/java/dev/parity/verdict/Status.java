package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of one case. */
public enum Status {
  /** Both sides agree (or, when recording, the golden is stored and current). */
  PASS,
  /** The sides differ after normalization (or, when recording, an existing golden would change). */
  FAIL,
  /** No comparison was possible: a side timed out, crashed the harness, or could not be run. */
  ERROR,
  /**
   * The candidate differs from the golden exactly as an accepted difference says (an intended
   * change, with a reason and a ticket): counts as a pass for the decision.
   */
  ACCEPTED;

  /** Whether the case lets the candidate ship: {@link #PASS} or {@link #ACCEPTED}. */
  public boolean passes() {
    return this == PASS || this == ACCEPTED;
  }

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Status of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
