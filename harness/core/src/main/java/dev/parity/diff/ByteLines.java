package dev.parity.diff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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
    // Counted first, so that the starts take 4 bytes a line and no more (a growing array took up
    // to twice that, and copies).
    int newlines = newlines(bytes);
    int last = newlines == 0 ? 0 : lastNewline(bytes) + 1;
    this.unterminated = last < bytes.length;
    this.count = newlines + (unterminated ? 1 : 0);
    int[] found = new int[count];
    int lines = 0;
    int start = 0;
    for (int newline = nextNewline(bytes, 0); newline >= 0; newline = nextNewline(bytes, start)) {
      found[lines++] = start;
      start = newline + 1;
    }
    if (unterminated) {
      found[lines] = start;
    }
    this.starts = found;
  }

  /** The number of {@code \n} in {@code bytes}, eight bytes at a time. */
  static int newlines(byte[] bytes) {
    int count = 0;
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
      // Exactly the zero bytes of x (newlines) get their high bit set: no borrow crosses bytes.
      long low = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
      count += Long.bitCount(~(low | x | 0x7F7F7F7F7F7F7F7FL));
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  private static int lastNewline(byte[] bytes) {
    int i = bytes.length - 1;
    while (bytes[i] != '\n') {
      i--;
    }
    return i;
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
