package dev.parity.golden;

import dev.parity.fixture.Side;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code pending.yaml} says about a pending result besides its observation: it describes the
 * last run that stored a result for the case. A case can hold a pending legacy result (from {@code
 * record}) and a pending candidate result (from {@code verify}) at once; {@code cluster} then
 * belongs to the side of {@code source}.
 *
 * @param suite the suite's folder name
 * @param source the command that stored it
 * @param mode the run's mode label (e.g. {@code record}, {@code verify})
 * @param at when it was stored
 * @param cluster the id of the verdict's cluster the case fell into in that run, if any
 */
public record PendingInfo(
    String suite, Source source, String mode, Instant at, Optional<String> cluster) {
  /** The command that stored a pending result. */
  public enum Source {
    /** A new legacy observation: the golden changed, or a new case recorded in CI. */
    RECORD,
    /** A failing candidate observation. */
    VERIFY;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The side whose observation this command stores: legacy for record, candidate for verify. */
    public Side side() {
      return this == RECORD ? Side.LEGACY : Side.CANDIDATE;
    }

    /** The command that stores pending results of {@code side}. */
    public static Source of(Side side) {
      return side == Side.LEGACY ? RECORD : VERIFY;
    }

    /** The source labelled {@code label}, or empty when none is. */
    public static Optional<Source> ofLabel(String label) {
      for (Source source : values()) {
        if (source.label().equals(label)) {
          return Optional.of(source);
        }
      }
      return Optional.empty();
    }
  }

  public PendingInfo {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(cluster, "cluster");
  }

  public static PendingInfo of(String suite, Source source, String mode, Instant at) {
    return new PendingInfo(suite, source, mode, at, Optional.empty());
  }

  public PendingInfo withCluster(String cluster) {
    return new PendingInfo(suite, source, mode, at, Optional.of(cluster));
  }
}
