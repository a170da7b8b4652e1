package dev.parity.cli.review;

import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import java.io.IOException;

/**
 * Review decisions on disk. The golden changes first, in one atomic swap; the pending result is
 * dropped after, so an interruption between the two leaves a pending result that can be accepted
 * again with the same outcome.
 */
public record StoreActions(GoldenStore goldens, PendingStore pending) implements ReviewActions {
  @Override
  public void acceptLegacy(ReviewItem item) throws IOException {
    goldens.replace(item.caseId(), item.pending());
    pending.drop(item.caseId(), item.side());
  }

  @Override
  public void acceptCandidate(ReviewItem item, AcceptedDifference difference) throws IOException {
    goldens.accept(item.caseId(), item.pending(), difference);
    pending.drop(item.caseId(), item.side());
  }

  @Override
  public void reject(ReviewItem item) throws IOException {
    pending.drop(item.caseId(), item.side());
  }
}
