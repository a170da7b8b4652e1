package dev.parity.golden;

import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One case's pending result: a new legacy observation (from {@code record}) or a failing candidate
 * observation (from {@code verify}), waiting to be accepted or rejected.
 *
 * @param caseId the case
 * @param info what {@code pending.yaml} says
 * @param legacy the pending legacy observation ({@code legacy/}), if any
 * @param candidate the pending candidate observation ({@code candidate/}), if any
 * @param folder the case's pending folder
 */
public record PendingResult(
    String caseId,
    PendingInfo info,
    Optional<Observation> legacy,
    Optional<Observation> candidate,
    Path folder) {
  public PendingResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(legacy, "legacy");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(folder, "folder");
  }

  public PendingInfo.Source source() {
    return info.source();
  }

  /** The pending observation of {@code side}, if one is stored. */
  public Optional<Observation> observation(Side side) {
    return side == Side.LEGACY ? legacy : candidate;
  }

  /**
   * The cluster of the run that stored the pending observation of {@code side}, if that run is the
   * one {@code pending.yaml} describes and the case fell into a cluster.
   */
  public Optional<String> cluster(Side side) {
    return info.source().side() == side ? info.cluster() : Optional.empty();
  }

  /** The folder that holds the pending observation of {@code side} in golden format. */
  public Path folder(Side side) {
    return folder.resolve(side.label());
  }
}
