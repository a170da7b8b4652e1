package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a run did: record goldens, verify the candidate against them, or compare both sides live.
 */
public enum Mode {
  RECORD,
  VERIFY,
  COMPARE;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Mode of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
