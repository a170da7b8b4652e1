package dev.parity.cli.review;

import dev.parity.diff.Comparison;
import dev.parity.diff.SideNames;
import dev.parity.fixture.Side;
import dev.parity.golden.PendingInfo;
import dev.parity.run.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * One pending result as the review shows it: the golden against the pending observation, raw and
 * normalized.
 *
 * @param caseId the case
 * @param side {@link Side#LEGACY} for a new legacy observation (accepting replaces the golden),
 *     {@link Side#CANDIDATE} for a failing candidate one (accepting records an accepted difference)
 * @param info what {@code pending.yaml} says (source, cluster, when)
 * @param hasGolden whether the case has a golden (a new case recorded in CI has none)
 * @param pending the pending observation, raw, as stored
 * @param names how the two sides are called
 * @param raw golden against pending as stored
 * @param normalized golden against pending after the suite's rules for the case
 * @param views the observations behind the two comparisons, for side-by-side views
 */
public record ReviewItem(
    String caseId,
    Side side,
    PendingInfo info,
    boolean hasGolden,
    Observation pending,
    SideNames names,
    Comparison raw,
    Comparison normalized,
    Views views) {
  public ReviewItem {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(normalized, "normalized");
    Objects.requireNonNull(views, "views");
  }

  /** The golden and the pending observation, raw and normalized. */
  public record Views(
      Observation goldenRaw,
      Observation pendingRaw,
      Observation goldenNormalized,
      Observation pendingNormalized) {}

  /** The cluster of the run that stored this side's result, when {@code pending.yaml} has it. */
  public Optional<String> cluster() {
    return info.source().side() == side ? info.cluster() : Optional.empty();
  }

  public Comparison comparison(boolean showRaw) {
    return showRaw ? raw : normalized;
  }

  /** What accepting this result does, for the screen. */
  public String acceptMeaning() {
    return side == Side.LEGACY
        ? (hasGolden ? "replaces the golden" : "stores it as the golden")
        : "records an accepted difference (asks for a reason)";
  }
}
