package dev.parity.golden;

import dev.parity.run.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A golden as read from its folder, and its {@link GoldenStore#state}, worked out from the same
 * read of its {@code meta.yaml} when first asked for: only a run that stores a pending result or
 * checks an accepted difference needs it, and reading meta.yaml a second time for it cost every
 * case a parse, a serialization and a SHA-256.
 */
public final class ReadGolden {
  private final Observation observation;
  private final GoldenFiles.Meta meta;
  private volatile @Nullable String state;

  ReadGolden(Observation observation, GoldenFiles.Meta meta) {
    this.observation = Objects.requireNonNull(observation, "observation");
    this.meta = Objects.requireNonNull(meta, "meta");
  }

  public Observation observation() {
    return observation;
  }

  /** What {@link GoldenStore#state} said of this golden when it was read. */
  public String state() {
    String known = state;
    if (known == null) {
      known = GoldenFiles.state(meta);
      state = known;
    }
    return known;
  }
}
