package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the candidate's speed compares with the gate. Only {@link #PASS} lets the candidate ship. */
public enum PerformanceStatus {
  /** The interval's upper bound is at most maxRatio. */
  PASS,
  /** The interval's lower bound is above maxRatio. */
  FAIL,
  /**
   * The interval straddles maxRatio (or too few rounds ran): the budget was too short to decide.
   */
  INCONCLUSIVE,
  /** A benchmark run failed or timed out: no ratio is made up. */
  ERROR;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PerformanceStatus of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  /**
   * The gate rule: pass when {@code ciHigh <= maxRatio}, fail when {@code ciLow > maxRatio}, else
   * inconclusive.
   */
  public static PerformanceStatus judge(double ciLow, double ciHigh, double maxRatio) {
    if (ciHigh <= maxRatio) {
      return PASS;
    }
    if (ciLow > maxRatio) {
      return FAIL;
    }
    return INCONCLUSIVE;
  }
}
