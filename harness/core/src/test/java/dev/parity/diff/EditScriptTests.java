package dev.parity.diff;

import static dev.parity.diff.EditScriptModel.lcs;
import static dev.parity.diff.EditScriptModel.length;
import static dev.parity.diff.EditScriptModel.replay;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line diff on fixed inputs at the sizes where it anchors, checked against {@link
 * EditScriptModel}: few and fast enough for mutation testing to run for every mutant (the
 * open-ended inputs are EditScriptProperties').
 */
class EditScriptTests {
  /** Both sides together are longer than what Myers diffs alone, so the middle is anchored. */
  private static final int SIZE = EditScript.MYERS_LINES / 2 + 100;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void anAnchoredDiffTurnsLegacyIntoCandidate(int seed) {
    Random random = new Random(seed);
    int[] legacy = EditScriptModel.lines(random, SIZE);
    int[] candidate = EditScriptModel.edited(random, legacy, 50);

    EditScript.Result result = EditScript.of(legacy, candidate, 2 * SIZE + 4, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(result.approximate()).isFalse();
  }

  @Test
  void oneChangedLineAmongUniqueLinesIsOneEditOfOneLine() {
    int[] legacy = IntStream.range(0, SIZE).toArray();
    int[] candidate = legacy.clone();
    candidate[SIZE / 3] = SIZE;

    EditScript.Result result = EditScript.of(legacy, candidate, SIZE + 1, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(length(result.edits())).isEqualTo(2);
    assertThat(result.edits())
        .allSatisfy(e -> assertThat(e.legacyFrom()).isEqualTo(SIZE / 3))
        .allSatisfy(e -> assertThat(e.candidateTo()).isLessThanOrEqualTo(SIZE / 3 + 1));
  }

  @Test
  void anchorsAreTheUniqueLinesInTheSameOrderOnBothSides() {
    // Every fourth line changed and two blocks swapped: the moved block's unique lines are not in
    // the same order on both sides, so they cannot all be anchors; the script is still minimal
    // here, where every change is far from the others.
    int[] legacy = IntStream.range(0, SIZE).toArray();
    int[] candidate = legacy.clone();
    for (int i = 0; i < SIZE; i += 4) {
      candidate[i] = SIZE + i;
    }
    int[] block = Arrays.copyOfRange(candidate, 100, 110);
    System.arraycopy(candidate, 110, candidate, 100, 10);
    System.arraycopy(block, 0, candidate, 110, 10);

    EditScript.Result result = EditScript.of(legacy, candidate, 2 * SIZE, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(length(result.edits())).isEqualTo(2 * SIZE - 2 * lcs(legacy, candidate));
  }

  @Test
  void repeatedLinesAreNeverAnchors() {
    // Only blank lines (id 0) repeat; the unique lines differ on each side, so nothing anchors and
    // Myers diffs the whole middle.
    int[] legacy = new int[SIZE];
    int[] candidate = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      legacy[i] = i % 2 == 0 ? 0 : 1 + i;
      candidate[i] = i % 2 == 0 ? 0 : SIZE + 1 + i;
    }

    EditScript.Result result = EditScript.of(legacy, candidate, 2 * SIZE + 2, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(length(result.edits())).isEqualTo(SIZE);
  }

  @Test
  void pastItsBudgetTheScriptPairsLinesByPositionAndSaysSo() {
    int[] legacy = {0, 1, 2, 3, 4};
    int[] candidate = {0, 5, 2, 6, 7, 8};

    EditScript.Result result = EditScript.of(legacy, candidate, 9, 0);

    assertThat(result.approximate()).isTrue();
    assertThat(result.edits())
        .containsExactly(new EditScript.Edit(1, 2, 1, 2), new EditScript.Edit(3, 5, 3, 6));
  }

  @Test
  void equalSidesNeedNoEditAndOneEmptySideIsOneEdit() {
    int[] lines = {3, 1, 2};

    assertThat(EditScript.of(lines, lines.clone(), 4, Long.MAX_VALUE / 4).edits()).isEmpty();
    assertThat(EditScript.of(lines, new int[0], 4, Long.MAX_VALUE / 4).edits())
        .isEqualTo(List.of(new EditScript.Edit(0, 3, 0, 0)));
    assertThat(EditScript.of(new int[0], lines, 4, 0).edits())
        .isEqualTo(List.of(new EditScript.Edit(0, 0, 0, 3)));
  }
}
