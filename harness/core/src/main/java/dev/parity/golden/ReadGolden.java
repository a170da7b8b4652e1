package dev.parity.golden;

import dev.parity.run.Observation;
import java.util.List;
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
  private final List<Runnable> checks;
  private volatile @Nullable String state;
  private boolean checked;
  private @Nullable GoldenException damaged;

  /**
   * A golden read as {@code observation} from {@code meta}, whose streams on disk are checked
   * against their checksums by {@code checks} (each throws a {@link GoldenException} for a stream
   * that does not match), computed meanwhile.
   */
  ReadGolden(Observation observation, GoldenFiles.Meta meta, List<Runnable> checks) {
    this.observation = Objects.requireNonNull(observation, "observation");
    this.meta = Objects.requireNonNull(meta, "meta");
    this.checks = List.copyOf(checks);
  }

  /**
   * The golden, once every stream is known to match its checksum in meta.yaml: waits for the
   * checksums of streams kept on disk, computed since the read.
   *
   * @throws GoldenException when one does not match (each time it is asked for)
   */
  public synchronized Observation observation() {
    if (damaged != null) {
      throw damaged;
    }
    if (!checked) {
      try {
        checks.forEach(Runnable::run);
      } catch (GoldenException e) {
        damaged = e;
        throw e;
      }
      checked = true;
    }
    return observation;
  }

  /**
   * The golden before the checksums of its streams on disk are known: only to work on meanwhile
   * (redact it, run the candidate against it), never to judge by; {@link #observation()} before
   * anything is decided or written.
   */
  public Observation unchecked() {
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
