package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Byte-for-byte comparison of two streams of any size in bounded memory (two 1 MiB blocks), the one
 * home for it: spooled observations, goldens and the comparator use it.
 */
public final class StreamBytes {
  static final int BLOCK = 1 << 20;

  private StreamBytes() {}

  /**
   * The offset of the first byte where {@code a} and {@code b} differ (the length of the shorter
   * when one is a prefix of the other), or -1 when they are the same bytes.
   */
  public static long firstDifference(InputStream a, InputStream b) throws IOException {
    byte[] left = new byte[BLOCK];
    byte[] right = new byte[BLOCK];
    long offset = 0;
    while (true) {
      int n = a.readNBytes(left, 0, BLOCK);
      int m = b.readNBytes(right, 0, BLOCK);
      int at = Arrays.mismatch(left, 0, n, right, 0, m);
      if (at >= 0) {
        return offset + at;
      }
      if (n < BLOCK) {
        return -1;
      }
      offset += n;
    }
  }

  /** How many line feeds the first {@code limit} bytes of {@code in} hold. */
  public static long lineFeeds(InputStream in, long limit) throws IOException {
    byte[] block = new byte[BLOCK];
    long seen = 0;
    long count = 0;
    while (seen < limit) {
      int n = in.readNBytes(block, 0, (int) Math.min(BLOCK, limit - seen));
      if (n == 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (block[i] == '\n') {
          count++;
        }
      }
      seen += n;
    }
    return count;
  }
}
