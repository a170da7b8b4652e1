package dev.parity.cluster;

import java.util.Objects;

/**
 * One atomic change of a mismatch, e.g. one JSON path's value, one header, one token edit of a
 * line.
 *
 * @param key what identifies the change across cases with the same root cause: where ({@code
 *     stdout}, {@code header content-type}) and how, with varying values masked; cases whose
 *     changes share a key share a cluster
 * @param name the key as a reader should see it, with the first example where the key has none
 *     ({@code number formatting (`12` -> `12.0`)})
 */
public record Change(String key, String name) {
  public Change {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
  }

  /** A change whose key is readable as it is. */
  public static Change of(String key) {
    return new Change(key, key);
  }

  /** This change at {@code place}, e.g. {@code stdout: letter case}. */
  public Change at(String place) {
    return new Change(place + ": " + key, place + ": " + name);
  }
}
