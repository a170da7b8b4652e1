package dev.parity.cli.review;

import dev.parity.fixture.Side;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Review decisions on disk. The golden changes first, in one atomic swap; the pending result is
 * dropped after, so an interruption between the two leaves a pending result that can be accepted
 * again with the same outcome. A pending result judged by another golden than the case has now is
 * not accepted (as by {@code parity accept}): accepting a cluster would accept it unseen.
 */
public record StoreActions(GoldenStore goldens, PendingStore pending) implements ReviewActions {
  @Override
  public void acceptLegacy(ReviewItem item) throws IOException {
    refuseStale(item);
    goldens.replace(item.caseId(), item.pending());
    pending.drop(item.caseId(), item.side());
  }

  @Override
  public void acceptCandidate(ReviewItem item, AcceptedDifference difference) throws IOException {
    refuseStale(item);
    goldens.accept(item.caseId(), item.pending(), difference);
    pending.drop(item.caseId(), item.side());
  }

  private void refuseStale(ReviewItem item) {
    Optional<String> seen = pending.goldenSeen(item.caseId(), item.side());
    if (seen.isEmpty() || !seen.get().equals(goldens.state(item.caseId()))) {
      String run = item.side() == Side.LEGACY ? "record" : "verify";
      throw new GoldenException(
          goldens.caseFolder(item.caseId()),
          "the golden was replaced since the `parity "
              + run
              + "` that stored this pending result (or the result is from an older parity)",
          "run `parity " + run + "` again and review the new result");
    }
  }

  @Override
  public void reject(ReviewItem item) throws IOException {
    pending.drop(item.caseId(), item.side());
  }
}
