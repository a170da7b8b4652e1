package dev.parity.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 text as offsets into its bytes, so that a large output is diffed without a
 * {@code String} per line; only the lines a diff shows are decoded.
 */
final class ByteLines {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  private final int[] starts;
  private final int count;
  private final boolean unterminated;

  ByteLines(byte[] bytes) {
    this.bytes = bytes;
    int[] found = new int[Math.max(16, bytes.length / 32)];
    int lines = 0;
    int start = 0;
    for (int newline = nextNewline(bytes, 0); newline >= 0; newline = nextNewline(bytes, start)) {
      if (lines == found.length) {
        found = Arrays.copyOf(found, found.length * 2);
      }
      found[lines++] = start;
      start = newline + 1;
    }
    this.unterminated = start < bytes.length;
    if (unterminated) {
      if (lines == found.length) {
        found = Arrays.copyOf(found, found.length + 1);
      }
      found[lines++] = start;
    }
    this.starts = found;
    this.count = lines;
  }

  /** The index of the next {@code \n} from {@code from}, or -1; eight bytes at a time. */
  static int nextNewline(byte[] bytes, int from) {
    int i = from;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
      // The lowest byte of x that is zero (a newline) sets the lowest flagged bit.
      long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** A hash of the bytes [from, to), eight at a time. */
  static int hash(byte[] bytes, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
    }
    for (; i < to; i++) {
      h = (h ^ bytes[i]) * 0x100000001B3L;
    }
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    return (int) (h ^ (h >>> 32));
  }

  int size() {
    return count;
  }

  byte[] bytes() {
    return bytes;
  }

  int from(int line) {
    return starts[line];
  }

  /** The end of the line's content, its newline excluded. */
  int to(int line) {
    return line == count - 1
        ? (unterminated ? bytes.length : bytes.length - 1)
        : starts[line + 1] - 1;
  }

  /** The last line has no newline (it then differs from the same text with one). */
  boolean unterminated(int line) {
    return unterminated && line == count - 1;
  }

  /** The line as {@link Texts#lines} splits it, with {@link Texts#NO_NEWLINE} when unterminated. */
  String text(int line) {
    String text = new String(bytes, from(line), to(line) - from(line), StandardCharsets.UTF_8);
    return unterminated(line) ? text + "\n" + Texts.NO_NEWLINE : text;
  }
}
