package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where two spool files first differ, read once per pair. A case's spooled outputs were compared
 * twice, once by the archive (are the sides the same? store them if not) and once by the comparator
 * (where do they differ?): at a gigabyte a side, 2 GiB read and compared a second time for the same
 * answer. Spool files are not changed once written (a redacted stream is a new file), so the answer
 * holds until {@link Spool#release} deletes the case's folder and forgets it.
 */
final class SpooledPairs {
  private static final Map<Pair, Optional<StreamBytes.Mismatch>> KNOWN = new ConcurrentHashMap<>();

  private SpooledPairs() {}

  /** Both files, in an order that does not depend on which side asks. */
  private record Pair(Spooled first, Spooled second) {
    static Pair of(Spooled a, Spooled b) {
      return a.file().compareTo(b.file()) <= 0 ? new Pair(a, b) : new Pair(b, a);
    }
  }

  /**
   * Where {@code a} and {@code b} first differ (the same from either side: the bytes before it
   * are).
   */
  static Optional<StreamBytes.Mismatch> mismatch(Spooled a, Spooled b) throws IOException {
    Pair pair = Pair.of(a, b);
    Optional<StreamBytes.Mismatch> known = KNOWN.get(pair);
    if (known != null) {
      return known;
    }
    Spooled.Prefix shared = shared(a, b);
    long length = shared == null ? 0 : shared.length();
    long lineFeeds = shared == null ? 0 : shared.lineFeeds();
    Optional<StreamBytes.Mismatch> found;
    try (InputStream left = a.open();
        InputStream right = b.open()) {
      // The shared bytes are neither compared nor read: their line feeds were counted when it
      // ended.
      left.skipNBytes(length);
      right.skipNBytes(length);
      found =
          StreamBytes.mismatch(left, right)
              .map(m -> new StreamBytes.Mismatch(length + m.offset(), lineFeeds + m.lineFeeds()));
    }
    KNOWN.put(pair, found);
    return found;
  }

  /**
   * The first bytes {@code a} and {@code b} are known to share without reading them: the prefix of
   * one that is the other's first bytes ({@link Spooled.Prefix}, a stream compared with its
   * reference as it arrived), else none.
   */
  private static Spooled.@Nullable Prefix shared(Spooled a, Spooled b) {
    Spooled.Prefix ofA = a.prefix();
    if (ofA != null && ofA.of().equals(b)) {
      return ofA;
    }
    Spooled.Prefix ofB = b.prefix();
    return ofB != null && ofB.of().equals(a) ? ofB : null;
  }

  /** Forgets the pairs with a file in {@code folder}, deleted next. */
  static void forget(Path folder) {
    KNOWN
        .keySet()
        .removeIf(p -> p.first().file().startsWith(folder) || p.second().file().startsWith(folder));
  }
}
