package dev.parity.noise;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;

/**
 * One difference between legacy and candidate that was not held against the candidate because two
 * legacy runs differed at the same place: the same token of the same line, and the candidate's
 * token has the shape the legacy runs showed.
 *
 * @param stream the stream, e.g. {@code stdout}
 * @param line the line, from 1, in the normalized output
 * @param token the token's index in the line, from 0 (words, runs of spaces, single punctuation)
 * @param shape what was accepted there, e.g. {@code [a-z]{8}} or {@code [0-9]+}
 * @param legacy the legacy token
 * @param candidate the candidate token
 */
public record Discounted(
    String stream, int line, int token, String shape, String legacy, String candidate) {

  /** {@code line 3, token 5: legacy abcdefgh, candidate qwertyui (both [a-z]{8})}. */
  public String describe() {
    return "line "
        + line
        + ", token "
        + token
        + ": legacy "
        + legacy
        + ", candidate "
        + candidate
        + " (both "
        + shape
        + ")";
  }

  /** This difference as a fact, e.g. {@code discounted stdout : line 3, token 5: ...}. */
  public Fact fact() {
    return new Fact("discounted " + ObservationComparator.label(stream), describe());
  }
}
