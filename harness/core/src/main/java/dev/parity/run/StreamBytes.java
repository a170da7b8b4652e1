package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Byte-for-byte comparison of two streams of any size in bounded memory (two 1 MiB blocks), the one
 * home for it: spooled observations, goldens and the comparator use it.
 */
public final class StreamBytes {
  static final int BLOCK = 1 << 20;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private StreamBytes() {}

  /**
   * Where two streams first differ.
   *
   * @param offset the first byte that differs (the length of the shorter side when one is a prefix
   *     of the other)
   * @param lineFeeds how many line feeds the bytes before it hold (its line is this plus one)
   */
  public record Mismatch(long offset, long lineFeeds) {}

  /**
   * Where {@code a} and {@code b} first differ, found in one pass over both: the line feeds before
   * it are counted in the blocks as they are compared, so a difference in the last byte of a
   * gigabyte is not read a second time for its line number.
   */
  public static Optional<Mismatch> mismatch(InputStream a, InputStream b) throws IOException {
    return compare(a, b, true);
  }

  /**
   * The offset of the first byte where {@code a} and {@code b} differ (the length of the shorter
   * when one is a prefix of the other), or -1 when they are the same bytes.
   */
  public static long firstDifference(InputStream a, InputStream b) throws IOException {
    return compare(a, b, false).map(Mismatch::offset).orElse(-1L);
  }

  private static Optional<Mismatch> compare(InputStream a, InputStream b, boolean countLines)
      throws IOException {
    byte[] left = new byte[BLOCK];
    byte[] right = new byte[BLOCK];
    long offset = 0;
    long lineFeeds = 0;
    while (true) {
      int n = a.readNBytes(left, 0, BLOCK);
      int m = b.readNBytes(right, 0, BLOCK);
      int at = Arrays.mismatch(left, 0, n, right, 0, m);
      if (at >= 0) {
        long before = countLines ? lineFeeds + lineFeeds(left, 0, at) : 0;
        return Optional.of(new Mismatch(offset + at, before));
      }
      if (n < BLOCK) {
        return Optional.empty();
      }
      lineFeeds += countLines ? lineFeeds(left, 0, n) : 0;
      offset += n;
    }
  }

  /**
   * The line feeds in {@code bytes[from, to)}, eight bytes at a time: a byte of {@code x} is zero
   * exactly when its bit 7 is clear in {@code ((x & LOWS) + LOWS) | x} (no carry crosses bytes).
   */
  static long lineFeeds(byte[] bytes, int from, int to) {
    long count = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
      long found = ~(((x & LOWS) + LOWS) | x) & HIGHS;
      // One bit per line feed, summed by a multiply (Long.bitCount is a call under C1).
      count += ((found >>> 7) * ONES) >>> 56;
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
