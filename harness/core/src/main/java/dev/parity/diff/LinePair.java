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
    Interner interner = new Interner(a.size() + b.size());
    int[] left = new int[a.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = interner.id(a, i);
    }
    int[] right = new int[b.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = interner.id(b, i);
    }
    return new LinePair(left, right, interner.size, a::text, b::text);
  }

  /**
   * An open-addressing table from line content to id. A slot holds the line's hash and id in one
   * long, so that a probe touches one cache line; bytes are compared only on equal hashes.
   */
  private static final class Interner {
    private final long[] slots;
    private final ByteLines[] sources;
    private final int[] lines;
    private int size;

    Interner(int capacity) {
      this.slots = new long[Integer.highestOneBit(Math.max(8, capacity) * 2) * 2];
      this.sources = new ByteLines[capacity];
      this.lines = new int[capacity];
    }

    int id(ByteLines source, int line) {
      byte[] bytes = source.bytes();
      int from = source.from(line);
      int to = source.to(line);
      int hash = ByteLines.hash(bytes, from, to) + (source.unterminated(line) ? 1 : 0);
      int mask = slots.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        long entry = slots[slot];
        if (entry == 0) {
          sources[size] = source;
          lines[size] = line;
          slots[slot] = ((long) hash << 32) | (size + 1L);
          return size++;
        }
        int id = (int) entry - 1;
        if ((int) (entry >>> 32) == hash && same(sources[id], lines[id], source, line)) {
          return id;
        }
      }
    }

    private static boolean same(ByteLines a, int i, ByteLines b, int j) {
      return a.unterminated(i) == b.unterminated(j)
          && Arrays.equals(a.bytes(), a.from(i), a.to(i), b.bytes(), b.from(j), b.to(j));
    }
  }
}
