package dev.parity.cli.review;

import dev.parity.golden.AcceptedDifference;
import java.io.IOException;

/**
 * What a review decision changes on disk. Each call is one atomic step: an interrupted review
 * leaves every golden old or new and every undecided pending result in place.
 */
public interface ReviewActions {
  /**
   * Replaces the case's golden by the pending legacy observation, then drops the pending result.
   */
  void acceptLegacy(ReviewItem item) throws IOException;

  /** Records the pending candidate observation as an accepted difference, then drops it. */
  void acceptCandidate(ReviewItem item, AcceptedDifference difference) throws IOException;

  /** Drops the pending result; the golden stays as it is. */
  void reject(ReviewItem item) throws IOException;
}
