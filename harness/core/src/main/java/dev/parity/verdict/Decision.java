package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which implementation ships. Anything short of a clean pass keeps {@link #LEGACY}. */
public enum Decision {
  CANDIDATE,
  LEGACY;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Decision of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
