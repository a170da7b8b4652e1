package dev.parity.diff;

/**
 * One aligned statement about a mismatch, e.g. {@code exit code : legacy 0, candidate 1}.
 *
 * @param key what the fact is about, e.g. {@code exit code}, {@code stdout}, {@code output file
 *     out/a.csv}
 * @param message the finding, readable on its own
 */
public record Fact(String key, String message) {

  @Override
  public String toString() {
    return key + ": " + message;
  }
}
