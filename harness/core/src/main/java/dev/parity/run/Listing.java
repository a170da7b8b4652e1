package dev.parity.run;

import java.util.List;

/**
 * The one way a long list of names (case ids, groups, golden folders) is shortened for a sentence,
 * so that every message reads alike.
 */
public final class Listing {
  private Listing() {}

  /**
   * The first {@code shown} names joined by commas, then how many more there are: {@code a, b, c
   * and 4 more}.
   */
  public static String firstAndMore(List<String> names, int shown) {
    String first = String.join(", ", names.subList(0, Math.min(shown, names.size())));
    return names.size() > shown ? first + " and " + (names.size() - shown) + " more" : first;
  }
}
