package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A reference model of line edit scripts, for the tests of {@link EditScript}. */
final class EditScriptModel {
  private EditScriptModel() {}

  /** Applies the edits to {@code legacy}, checking that what they keep is equal on both sides. */
  static int[] replay(int[] legacy, int[] candidate, List<EditScript.Edit> edits) {
    List<Integer> out = new ArrayList<>();
    int a = 0;
    int b = 0;
    for (EditScript.Edit edit : edits) {
      assertThat(edit.legacyFrom() - a).isEqualTo(edit.candidateFrom() - b).isNotNegative();
      assertThat(edit.legacyTo() - edit.legacyFrom() + edit.candidateTo() - edit.candidateFrom())
          .isPositive();
      for (; a < edit.legacyFrom(); a++, b++) {
        assertThat(legacy[a]).isEqualTo(candidate[b]);
        out.add(legacy[a]);
      }
      for (int j = edit.candidateFrom(); j < edit.candidateTo(); j++) {
        out.add(candidate[j]);
      }
      a = edit.legacyTo();
      b = edit.candidateTo();
    }
    for (; a < legacy.length; a++) {
      out.add(legacy[a]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The lines the edits remove and add. */
  static int length(List<EditScript.Edit> edits) {
    return edits.stream()
        .mapToInt(e -> e.legacyTo() - e.legacyFrom() + e.candidateTo() - e.candidateFrom())
        .sum();
  }

  /** The textbook dynamic-programming longest common subsequence length. */
  static int lcs(int[] a, int[] b) {
    int[][] table = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        table[i][j] =
            a[i] == b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    return table[0][0];
  }

  /**
   * Ids of {@code size} lines, mostly unique with a few repeated ones (blank lines, braces) between
   * them, as real outputs have; ids below {@code size + 4}.
   */
  static int[] lines(Random random, int size) {
    int[] lines = new int[size];
    for (int i = 0; i < size; i++) {
      lines[i] = random.nextInt(8) == 0 ? random.nextInt(4) : 4 + i;
    }
    return lines;
  }

  /**
   * {@code legacy} with about one line in {@code changeOneIn} removed, one inserted before and one
   * replaced by new lines (ids from {@code size + 4} to {@code 2 * size + 4}).
   */
  static int[] edited(Random random, int[] legacy, int changeOneIn) {
    int size = legacy.length;
    List<Integer> edited = new ArrayList<>();
    for (int id : legacy) {
      int change = random.nextInt(changeOneIn * 3);
      if (change == 0) {
        continue; // removed
      }
      if (change == 1) {
        edited.add(size + 4 + random.nextInt(size)); // inserted before
      }
      edited.add(change == 2 ? size + 4 + random.nextInt(size) : id); // replaced or kept
    }
    return edited.stream().mapToInt(Integer::intValue).toArray();
  }
}
