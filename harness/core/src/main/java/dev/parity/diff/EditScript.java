package dev.parity.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.DeltaType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The edits that turn one sequence of line ids into another (equal ids, equal lines).
 *
 * <p>Common head and tail are cut. A middle of at most {@link #MYERS_LINES} lines is diffed with
 * java-diff-utils' linear-space Myers, which is minimal. A larger middle is first cut at its
 * patience anchors, the lines that occur once on each side, in the longest run in the same order
 * (as {@code git diff --patience}); this is linear for typical changes, where Myers costs
 * O((N+M)·D), but not always minimal. What lies between anchors is diffed the same way,
 * recursively. Past the time budget, what is left is compared line by line by position, which is a
 * correct but possibly longer script, flagged {@link Result#approximate()}.
 */
final class EditScript {
  /** Middles up to this many lines (both sides) get a minimal diff. */
  static final int MYERS_LINES = 4_096;

  /** Anchoring nests no deeper; deeper middles go to Myers (under the budget). */
  private static final int MAX_DEPTH = 32;

  /** One change: legacy lines [legacyFrom, legacyTo) replaced by candidate [candidateFrom, to). */
  record Edit(int legacyFrom, int legacyTo, int candidateFrom, int candidateTo) {}

  /** The edits, in order, and whether the budget ran out so that some are positional. */
  record Result(List<Edit> edits, boolean approximate) {}

  private final int[] a;
  private final int[] b;
  private final long deadline;

  /** How often each id occurs in a range, up to 2 (all anchoring asks is "once?"). */
  private final byte[] countA;

  private final byte[] countB;
  private final int[] posB;
  private final List<Edit> edits = new ArrayList<>();
  private boolean approximate;

  private EditScript(int[] a, int[] b, int ids, long deadline) {
    this.a = a;
    this.b = b;
    this.deadline = deadline;
    this.countA = new byte[ids];
    this.countB = new byte[ids];
    this.posB = new int[ids];
  }

  /**
   * The script from {@code a} to {@code b}, ids in [0, {@code ids}), within {@code budgetNanos} of
   * work before falling back to positions.
   */
  static Result of(int[] a, int[] b, int ids, long budgetNanos) {
    EditScript script = new EditScript(a, b, ids, System.nanoTime() + budgetNanos);
    script.diff(0, a.length, 0, b.length, 0);
    return new Result(List.copyOf(script.edits), script.approximate);
  }

  private void diff(int a0, int a1, int b0, int b1, int depth) {
    while (a0 < a1 && b0 < b1 && a[a0] == b[b0]) {
      a0++;
      b0++;
    }
    while (a1 > a0 && b1 > b0 && a[a1 - 1] == b[b1 - 1]) {
      a1--;
      b1--;
    }
    if (a0 == a1 || b0 == b1) {
      if (a0 < a1 || b0 < b1) {
        edits.add(new Edit(a0, a1, b0, b1));
      }
      return;
    }
    if (System.nanoTime() > deadline) {
      positional(a0, a1, b0, b1);
      return;
    }
    if ((a1 - a0) + (b1 - b0) <= MYERS_LINES || depth >= MAX_DEPTH) {
      myers(a0, a1, b0, b1);
      return;
    }
    int[] anchors = anchors(a0, a1, b0, b1);
    if (anchors.length == 0) {
      myers(a0, a1, b0, b1);
      return;
    }
    int pa = a0;
    int pb = b0;
    for (int i = 0; i < anchors.length; i += 2) {
      diff(pa, anchors[i], pb, anchors[i + 1], depth + 1);
      pa = anchors[i] + 1;
      pb = anchors[i + 1] + 1;
    }
    diff(pa, a1, pb, b1, depth + 1);
  }

  /**
   * The lines unique on both sides of the ranges that form the longest sequence in the same order
   * on both, as pairs (legacy index, candidate index) in order.
   */
  private int[] anchors(int a0, int a1, int b0, int b1) {
    for (int i = a0; i < a1; i++) {
      if (countA[a[i]] < 2) {
        countA[a[i]]++;
      }
    }
    for (int j = b0; j < b1; j++) {
      if (countB[b[j]] < 2) {
        countB[b[j]]++;
      }
      posB[b[j]] = j;
    }
    int[] left = new int[Math.min(a1 - a0, b1 - b0)];
    int[] right = new int[left.length];
    int unique = 0;
    for (int i = a0; i < a1 && unique < left.length; i++) {
      int id = a[i];
      if (countA[id] == 1 && countB[id] == 1) {
        left[unique] = i;
        right[unique] = posB[id];
        unique++;
      }
    }
    for (int i = a0; i < a1; i++) {
      countA[a[i]] = 0;
    }
    for (int j = b0; j < b1; j++) {
      countB[b[j]] = 0;
    }
    return longestIncreasing(left, right, unique);
  }

  /** Patience sorting: the longest run of pairs whose {@code right} increases with {@code left}. */
  private static int[] longestIncreasing(int[] left, int[] right, int count) {
    int[] tails = new int[count];
    int[] previous = new int[count];
    int length = 0;
    for (int k = 0; k < count; k++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (right[tails[mid]] < right[k]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[k] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = k;
      if (lo == length) {
        length++;
      }
    }
    int[] pairs = new int[2 * length];
    for (int k = length == 0 ? -1 : tails[length - 1], at = length - 1; k >= 0; k = previous[k]) {
      pairs[2 * at] = left[k];
      pairs[2 * at + 1] = right[k];
      at--;
    }
    return pairs;
  }

  private void myers(int a0, int a1, int b0, int b1) {
    List<Change> changes;
    try {
      changes =
          new MyersDiffWithLinearSpace<Integer>(new Budgeted(deadline))
              .computeDiff(range(a, a0, a1), range(b, b0, b1), null);
    } catch (BudgetExceeded e) {
      positional(a0, a1, b0, b1);
      return;
    }
    for (Change c : changes) {
      if (c.deltaType == DeltaType.EQUAL) {
        continue;
      }
      edits.add(
          new Edit(
              a0 + c.startOriginal, a0 + c.endOriginal, b0 + c.startRevised, b0 + c.endRevised));
    }
  }

  /** Pairs lines by position; runs of differing positions become one edit each. */
  private void positional(int a0, int a1, int b0, int b1) {
    approximate = true;
    int length = Math.max(a1 - a0, b1 - b0);
    int start = -1;
    for (int i = 0; i <= length; i++) {
      boolean differs = i < length && (a0 + i >= a1 || b0 + i >= b1 || a[a0 + i] != b[b0 + i]);
      if (differs && start < 0) {
        start = i;
      } else if (!differs && start >= 0) {
        edits.add(
            new Edit(
                Math.min(a0 + start, a1),
                Math.min(a0 + i, a1),
                Math.min(b0 + start, b1),
                Math.min(b0 + i, b1)));
        start = -1;
      }
    }
  }

  private static List<Integer> range(int[] ids, int from, int to) {
    return new AbstractList<>() {
      @Override
      public Integer get(int index) {
        return ids[from + index];
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  /** Line equality that aborts the diff once its time budget is spent. */
  private static final class Budgeted implements BiPredicate<Integer, Integer> {
    private final long deadline;
    private long calls;

    Budgeted(long deadline) {
      this.deadline = deadline;
    }

    @Override
    public boolean test(Integer x, Integer y) {
      if ((++calls & 0x3FFF) == 0 && System.nanoTime() > deadline) {
        throw new BudgetExceeded();
      }
      return x.intValue() == y.intValue();
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
