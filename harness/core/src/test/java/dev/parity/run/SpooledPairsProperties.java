package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import org.jspecify.annotations.Nullable;

/**
 * Where two spooled streams first differ, against {@link StreamBytes#mismatch} of their bytes in
 * memory, whichever of them has a {@link Spooled.Prefix} and of which stream: only a prefix that is
 * the other stream's own first bytes may be skipped unread.
 */
class SpooledPairsProperties {
  private final List<Path> made = new ArrayList<>();

  @AfterTry
  void delete() throws IOException {
    for (Path file : made) {
      Files.deleteIfExists(file);
    }
    made.clear();
  }

  @Property(tries = 300)
  void theFirstDifferenceIsTheBytesOnesWhateverTheirPrefixes(
      @ForAll @IntRange(min = 1, max = 2_000) int size,
      @ForAll @IntRange(min = 0, max = 2_000) int sharedA,
      @ForAll @IntRange(min = 0, max = 2_000) int sharedB,
      @ForAll @IntRange(min = -1, max = 2_000) int changeA,
      @ForAll @IntRange(min = -1, max = 2_000) int changeB,
      @ForAll boolean aPrefixed,
      @ForAll boolean bOfA,
      @ForAll boolean swap,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    byte[] source = new byte[size];
    for (int i = 0; i < size; i++) {
      source[i] = (byte) (random.nextInt(4) == 0 ? '\n' : 'a' + random.nextInt(3));
    }
    Spooled third = spooled(source, 0, null);
    // a: the source's first bytes, then its own, changed past them.
    int lengthA = aPrefixed ? Math.min(sharedA, size) : 0;
    byte[] a = changed(source, Math.max(changeA, lengthA));
    Spooled spooledA =
        aPrefixed
            ? spooled(
                a,
                lengthA,
                new Spooled.Prefix(third, lengthA, StreamBytes.lineFeeds(source, 0, lengthA)))
            : spooled(a, 0, null);
    // b: the first bytes of a (a prefix the pair may skip) or of the same third stream (which it
    // may not: a's bytes past its own prefix were never compared with them).
    byte[] b;
    Spooled spooledB;
    if (bOfA) {
      int lengthB = Math.min(sharedB, size);
      b = changed(a, Math.max(changeB, lengthB));
      spooledB =
          spooled(
              b,
              lengthB,
              new Spooled.Prefix(spooledA, lengthB, StreamBytes.lineFeeds(a, 0, lengthB)));
    } else {
      int lengthB = Math.min(sharedB, size);
      b = changed(source, Math.max(changeB, lengthB));
      spooledB =
          spooled(
              b,
              lengthB,
              new Spooled.Prefix(third, lengthB, StreamBytes.lineFeeds(source, 0, lengthB)));
    }

    Optional<StreamBytes.Mismatch> expected =
        StreamBytes.mismatch(new ByteArrayInputStream(a), new ByteArrayInputStream(b));

    // Either side may ask first: the answer is the same.
    assertThat(
            swap
                ? SpooledPairs.mismatch(spooledB, spooledA)
                : SpooledPairs.mismatch(spooledA, spooledB))
        .isEqualTo(expected);
  }

  /** {@code bytes} with the byte at {@code at} changed, if there is one. */
  private static byte[] changed(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    if (at >= 0 && at < copy.length) {
      copy[at] = (byte) (copy[at] == 'z' ? 'y' : 'z');
    }
    return copy;
  }

  /**
   * A spooled stream of {@code bytes} whose first {@code shared} bytes are {@code prefix}'s (its
   * file holds only the rest, at the same offsets), or all in its file without a prefix.
   */
  private Spooled spooled(byte[] bytes, int shared, Spooled.@Nullable Prefix prefix)
      throws IOException {
    Path file = Files.createTempFile("pair", ".spool");
    made.add(file);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(bytes, shared, bytes.length - shared), shared);
    }
    return new Spooled(file, bytes.length, prefix);
  }
}
