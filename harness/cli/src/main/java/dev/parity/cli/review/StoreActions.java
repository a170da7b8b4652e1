package dev.parity.cli.review;

import dev.parity.fixture.Side;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Review decisions on disk. The golden changes first, in one atomic swap; the pending result is
 * dropped after, so an interruption between the two leaves a pending result that can be accepted
 * again with the same outcome. A pending result judged by another golden than the case has now is
 * not accepted (as by {@code parity accept}): accepting a cluster would accept it unseen. Nor is
 * one that a run replaced on disk since it was shown: each decision holds the locks of the goldens
 * and of the pending results, and checks that the pending result is still the one shown.
 */
public record StoreActions(GoldenStore goldens, PendingStore pending) implements ReviewActions {
  @Override
  public void acceptLegacy(ReviewItem item) throws IOException {
    try (GoldenStore.Lock lock = goldens.lock();
        GoldenStore.Lock reading = pending.lock()) {
      refuseReplaced(item);
      refuseStale(item);
      goldens.replace(item.caseId(), item.pending());
      pending.drop(item.caseId(), item.side());
    }
  }

  @Override
  public void acceptCandidate(ReviewItem item, AcceptedDifference difference) throws IOException {
    try (GoldenStore.Lock lock = goldens.lock();
        GoldenStore.Lock reading = pending.lock()) {
      refuseReplaced(item);
      refuseStale(item);
      goldens.accept(item.caseId(), item.pending(), difference);
      pending.drop(item.caseId(), item.side());
    }
  }

  /** Refuses a decision on a pending result that a run replaced (or a command dropped) since. */
  private void refuseReplaced(ReviewItem item) {
    Optional<PendingResult> now = pending.read(item.caseId());
    boolean same =
        now.isPresent()
            && now.get().info().at().equals(item.info().at())
            && now.get()
                .observation(item.side())
                .map(o -> o.sameContentAs(item.pending()))
                .orElse(false);
    if (!same) {
      throw new GoldenException(
          pending.folder().resolve(item.caseId()),
          "the pending result was replaced or dropped since it was shown (by another `parity`"
              + " run or command)",
          "run `parity review` again to see the current one");
    }
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
    try (GoldenStore.Lock reading = pending.lock()) {
      refuseReplaced(item);
      pending.drop(item.caseId(), item.side());
    }
  }
}
