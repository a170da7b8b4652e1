package dev.parity.diff;

import dev.parity.run.DaemonThreads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  /**
   * Texts of at least this many bytes together are split and matched side by side (below it, a
   * thread costs more than it saves).
   */
  static final int SIDE_BY_SIDE_BYTES = 1 << 20;

  /** The lines of two valid UTF-8 texts, interned from their bytes. */
  static LinePair of(byte[] legacy, byte[] candidate) {
    return of(legacy, candidate, (long) legacy.length + candidate.length >= SIDE_BY_SIDE_BYTES);
  }

  /**
   * The same; with {@code sideBySide}, a thread of its own splits the candidate's lines and matches
   * them in order while this one splits the legacy's and gives them ids (for two 45 MB outputs each
   * half took about 0.15-0.25 s, and the second core was idle).
   */
  static LinePair of(byte[] legacy, byte[] candidate, boolean sideBySide) {
    CandidateSide other = sideBySide ? CandidateSide.start(candidate) : null;
    ByteLines a;
    try {
      a = new ByteLines(legacy);
    } catch (RuntimeException | Error e) {
      if (other != null) {
        other.legacy.completeExceptionally(e);
      }
      throw e;
    }
    ByteLines b;
    if (other == null) {
      b = new ByteLines(candidate);
    } else {
      other.legacy.complete(a);
      b = join(other.lines);
    }
    Interner interner = new Interner(a, b);
    int[] left = new int[a.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = interner.id(a, i, i);
    }
    // Most candidate lines equal the legacy line after the one the previous candidate line matched:
    // that line is compared first, reading both outputs in order, and its id taken without hashing
    // or probing the table (a cache miss or three a line, half the time of the whole diff). Side by
    // side, that comparison was made beforehand: right[j] holds the legacy line it found equal, or
    // -1. Any legacy line with the same bytes has the line's id, so the ids are the same either
    // way.
    int[] right = other == null ? null : join(other.matched);
    if (right == null) {
      right = new int[b.size()];
      Arrays.fill(right, -1);
    }
    int next = 0;
    for (int j = 0; j < right.length; j++) {
      int equal = right[j];
      if (equal >= 0) {
        right[j] = left[equal];
        next = equal + 1;
        continue;
      }
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

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The candidate's half, on a thread of its own: its lines, then, once the legacy's are split,
   * each candidate line compared with the legacy line after the previous one compared (an in-place
   * change keeps both in step), the legacy line's index where they are equal, else -1.
   */
  private static final class CandidateSide {
    final CompletableFuture<ByteLines> legacy = new CompletableFuture<>();
    final CompletableFuture<ByteLines> lines = new CompletableFuture<>();
    final CompletableFuture<int[]> matched = new CompletableFuture<>();

    static CandidateSide start(byte[] candidate) {
      CandidateSide side = new CandidateSide();
      DaemonThreads.named("parity-diff").newThread(() -> side.run(candidate)).start();
      return side;
    }

    private void run(byte[] candidate) {
      try {
        ByteLines b = new ByteLines(candidate);
        lines.complete(b);
        ByteLines a = legacy.join();
        int[] equal = new int[b.size()];
        int next = 0;
        for (int j = 0; j < equal.length; j++, next++) {
          equal[j] = next < a.size() && Interner.same(a, next, b, j) ? next : -1;
        }
        matched.complete(equal);
      } catch (RuntimeException | Error e) {
        lines.completeExceptionally(e);
        matched.completeExceptionally(e);
      }
    }
  }

  /**
   * An open-addressing table from line content to id, at most half full. A slot holds an id + 1 (4
   * bytes; each id's hash is kept beside its first line), and bytes are compared only on equal
   * hashes. Sized for the larger side (most lines of two outputs compared are shared) and doubled
   * when half full: for two 1,000,000-line outputs that is 8 MB, where a table of hash-and-id longs
   * sized for both sides at a quarter full took 64 MB.
   */
  static final class Interner {
    private final ByteLines legacy;
    private final ByteLines candidate;
    private int[] slots;

    /** Each id's first line: legacy lines first, then candidate lines after them. */
    private int[] lines;

    /** Each id's hash. */
    private int[] hashes;

    int size;

    Interner(ByteLines legacy, ByteLines candidate) {
      this.legacy = legacy;
      this.candidate = candidate;
      int expected = Math.max(legacy.size(), candidate.size());
      this.slots = new int[tableFor(expected)];
      this.lines = new int[Math.max(16, expected)];
      this.hashes = new int[lines.length];
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
        int id = slots[slot] - 1;
        if (id < 0) {
          return add(slot, hash, global);
        }
        if (hashes[id] == hash && same(lines[id], source, line)) {
          return id;
        }
      }
    }

    private int add(int slot, int hash, int global) {
      if (size == lines.length) {
        lines = Arrays.copyOf(lines, size + (size >> 1) + 16);
        hashes = Arrays.copyOf(hashes, lines.length);
      }
      lines[size] = global;
      hashes[size] = hash;
      slots[slot] = size + 1;
      int id = size++;
      if (2L * size > slots.length) {
        grow();
      }
      return id;
    }

    /** Doubles the table, placing each id by its kept hash (no line is hashed again). */
    private void grow() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int id = 0; id < size; id++) {
        int slot = hashes[id] & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
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
