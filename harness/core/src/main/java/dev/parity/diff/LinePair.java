package dev.parity.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The lines of both sides as ids, equal iff the lines are equal (byte for byte, newline at the end
 * included: ids come from comparing the lines, hashes only narrow the search), with each line's
 * text for display.
 */
record LinePair(
    int[] legacy,
    int[] candidate,
    int ids,
    IntFunction<String> legacyText,
    IntFunction<String> candidateText) {

  /** Lines already split and decoded (small texts, hex views, invalid UTF-8). */
  static LinePair of(List<String> legacy, List<String> candidate) {
    Map<String, Integer> idOf = new HashMap<>();
    int[] left = new int[legacy.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = idOf.computeIfAbsent(legacy.get(i), k -> idOf.size());
    }
    int[] right = new int[candidate.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = idOf.computeIfAbsent(candidate.get(i), k -> idOf.size());
    }
    return new LinePair(left, right, idOf.size(), legacy::get, candidate::get);
  }

  /** The lines of two valid UTF-8 texts, interned from their bytes. */
  static LinePair of(byte[] legacy, byte[] candidate) {
    ByteLines a = new ByteLines(legacy);
    ByteLines b = new ByteLines(candidate);
    Interner interner = new Interner(a, b);
    int[] left = new int[a.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = interner.id(a, i, i);
    }
    // Most candidate lines equal the legacy line after the one the previous candidate line matched:
    // that line is compared first, reading both outputs in order, and its id taken without hashing
    // or probing the table (a cache miss or three a line, half the time of the whole diff).
    int[] right = new int[b.size()];
    int next = 0;
    for (int j = 0; j < right.length; j++) {
      if (next < left.length && Interner.same(a, next, b, j)) {
        right[j] = left[next++];
        continue;
      }
      int id = interner.id(b, j, a.size() + j);
      int first = interner.firstLine(id);
      next = first < a.size() ? first + 1 : next + 1;
      right[j] = id;
    }
    return new LinePair(left, right, interner.size, a::text, b::text);
  }

  /**
   * An open-addressing table from line content to id, at most half full. A slot holds the line's
   * hash and id in one long, so that a probe touches one cache line; bytes are compared only on
   * equal hashes. Sized for the larger side (most lines of two outputs compared are shared) and
   * doubled when half full: for two 1,000,000-line outputs that is 16 MB, where a table sized for
   * both sides at a quarter full took 64 MB.
   */
  static final class Interner {
    private final ByteLines legacy;
    private final ByteLines candidate;
    private long[] slots;

    /** Each id's first line: legacy lines first, then candidate lines after them. */
    private int[] lines;

    int size;

    Interner(ByteLines legacy, ByteLines candidate) {
      this.legacy = legacy;
      this.candidate = candidate;
      int expected = Math.max(legacy.size(), candidate.size());
      this.slots = new long[tableFor(expected)];
      this.lines = new int[Math.max(16, expected)];
    }

    /** The smallest power of two at least twice {@code count} (at least 16). */
    static int tableFor(int count) {
      return Integer.highestOneBit(Math.max(8, count) * 2 - 1) * 2;
    }

    /** The id of {@code source}'s line {@code line}, which is line {@code global} of both. */
    int id(ByteLines source, int line, int global) {
      byte[] bytes = source.bytes();
      int hash =
          ByteLines.hash(bytes, source.from(line), source.to(line))
              + (source.unterminated(line) ? 1 : 0);
      int mask = slots.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        long entry = slots[slot];
        if (entry == 0) {
          return add(slot, hash, global);
        }
        int id = (int) entry - 1;
        if ((int) (entry >>> 32) == hash && same(lines[id], source, line)) {
          return id;
        }
      }
    }

    private int add(int slot, int hash, int global) {
      if (size == lines.length) {
        lines = Arrays.copyOf(lines, size + (size >> 1) + 16);
      }
      lines[size] = global;
      slots[slot] = ((long) hash << 32) | (size + 1L);
      int id = size++;
      if (2L * size > slots.length) {
        grow();
      }
      return id;
    }

    /** Doubles the table, placing each entry by the hash it holds (no line is hashed again). */
    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      int mask = slots.length - 1;
      for (long entry : old) {
        if (entry != 0) {
          int slot = (int) (entry >>> 32) & mask;
          while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          slots[slot] = entry;
        }
      }
    }

    /** The number of slots (for tests of the load). */
    int capacity() {
      return slots.length;
    }

    /** The first line with {@code id}: legacy lines first, then candidate lines after them. */
    int firstLine(int id) {
      return lines[id];
    }

    private boolean same(int global, ByteLines b, int j) {
      return global < legacy.size()
          ? same(legacy, global, b, j)
          : same(candidate, global - legacy.size(), b, j);
    }

    static boolean same(ByteLines a, int i, ByteLines b, int j) {
      return a.unterminated(i) == b.unterminated(j)
          && Arrays.equals(a.bytes(), a.from(i), a.to(i), b.bytes(), b.from(j), b.to(j));
    }
  }
}
