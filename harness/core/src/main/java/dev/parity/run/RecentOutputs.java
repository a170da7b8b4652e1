package dev.parity.run;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The last few large outputs captured, weakly held, so that a capture equal to one of them shares
 * its array instead of keeping a second copy ({@link BoundedBuffer}).
 *
 * <p>A compare runs legacy, the candidate, then legacy again for noise: the rerun usually prints
 * exactly what the first run printed, and a candidate that ships often prints what legacy printed.
 * Holding each in its own blocks and then its own array was the peak of a compare's memory (issue
 * 13: three 45 MB outputs, one of them twice, for 90 MB compared). Sharing is safe because an
 * observation's arrays are never written once made ({@link Observation}); only outputs of at least
 * {@link #MIN_SIZE} bytes are kept, where a second copy costs something.
 */
final class RecentOutputs {
  static final int MIN_SIZE = 64 * 1024;
  private static final int KEPT = 4;

  /** The outputs of every capture in this JVM. */
  static final RecentOutputs SHARED = new RecentOutputs();

  private final ArrayDeque<WeakReference<byte[]>> recent = new ArrayDeque<>();

  /** Keeps {@code output} (the most recent first) if it is large enough to be worth sharing. */
  synchronized void add(byte[] output) {
    if (output.length < MIN_SIZE) {
      return;
    }
    for (Iterator<WeakReference<byte[]>> it = recent.iterator(); it.hasNext(); ) {
      byte[] kept = it.next().get();
      if (kept == null || kept == output) {
        it.remove();
      }
    }
    recent.addFirst(new WeakReference<>(output));
    while (recent.size() > KEPT) {
      recent.removeLast();
    }
  }

  /** The most recent kept output that starts with {@code bytes[offset, offset + length)}. */
  synchronized Optional<byte[]> startingWith(byte[] bytes, int offset, int length) {
    for (WeakReference<byte[]> ref : recent) {
      byte[] kept = ref.get();
      if (kept != null
          && kept.length >= length
          && Arrays.equals(kept, 0, length, bytes, offset, offset + length)) {
        return Optional.of(kept);
      }
    }
    return Optional.empty();
  }

  /**
   * The most recent kept output other than {@code earlier} whose first {@code at} bytes are {@code
   * earlier}'s and whose next ones are {@code bytes[offset, offset + length)}: a capture that
   * departs from the output it was compared with (legacy's rerun matching the candidate's first
   * lines, until the candidate's first change) goes on with the one it still equals.
   */
  synchronized Optional<byte[]> continuing(
      byte[] earlier, int at, byte[] bytes, int offset, int length) {
    for (WeakReference<byte[]> ref : recent) {
      byte[] kept = ref.get();
      if (kept != null
          && kept != earlier
          && kept.length >= at + length
          && Arrays.equals(kept, at, at + length, bytes, offset, offset + length)
          && Arrays.equals(kept, 0, at, earlier, 0, at)) {
        return Optional.of(kept);
      }
    }
    return Optional.empty();
  }
}
