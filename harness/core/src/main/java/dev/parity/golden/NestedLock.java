package dev.parity.golden;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GoldenLock} of one folder that one object takes again and again: taken from the other
 * processes on the first {@link #take}, given back when the last one taken is closed.
 */
final class NestedLock {
  /** How long a take waits for another process holding the lock (an accept takes far less). */
  private static final Duration PATIENCE = Duration.ofSeconds(3);

  private final Path folder;
  private final String what;
  private final String holder;

  private @Nullable GoldenLock held;

  /** How many takes are open. */
  private int holds;

  /**
   * The lock of {@code folder}; a second process is told {@code what} and to wait for {@code
   * holder}.
   */
  NestedLock(Path folder, String what, String holder) {
    this.folder = folder;
    this.what = what;
    this.holder = holder;
  }

  /**
   * The lock until closed.
   *
   * @throws GoldenException when another process holds it for longer than 3 seconds
   */
  synchronized GoldenStore.Lock take() throws IOException {
    if (holds == 0) {
      held = GoldenLock.acquire(folder, PATIENCE, what, holder);
    }
    holds++;
    return this::release;
  }

  private synchronized void release() {
    holds--;
    if (holds == 0 && held != null) {
      held.close();
      held = null;
    }
  }
}
