package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The line diff against small reference models: a naive LCS table for minimality, replaying the
 * edits for correctness, and {@link Arrays#equals} for "no difference iff the bytes are equal".
 */
class EditScriptProperties {

  @Property(tries = 1_000)
  void smallInputsGetAMinimalScriptThatTurnsLegacyIntoCandidate(
      @ForAll("ids") int[] legacy, @ForAll("ids") int[] candidate) {
    EditScript.Result result = EditScript.of(legacy, candidate, 6, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(result.approximate()).isFalse();
    assertThat(length(result.edits()))
        .isEqualTo(legacy.length + candidate.length - 2 * lcs(legacy, candidate));
  }

  @Property(tries = 40)
  void largeInputsAreAnchoredAndStillTurnLegacyIntoCandidate(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 1, max = 300) int changeOneIn) {
    Random random = new Random(seed);
    int size = EditScript.MYERS_LINES * 3;
    int[] legacy = new int[size];
    for (int i = 0; i < size; i++) {
      // Mostly unique lines, some repeated ones (blank lines, braces) between them.
      legacy[i] = random.nextInt(8) == 0 ? random.nextInt(4) : 4 + i;
    }
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
    int[] candidate = edited.stream().mapToInt(Integer::intValue).toArray();

    EditScript.Result result = EditScript.of(legacy, candidate, 2 * size + 4, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(result.approximate()).isFalse();
    assertThat(result.edits().isEmpty()).isEqualTo(Arrays.equals(legacy, candidate));
  }

  @Property(tries = 300)
  void aScriptPastItsBudgetIsPositionalButStillCorrect(
      @ForAll("ids") int[] legacy, @ForAll("ids") int[] candidate) {
    EditScript.Result result = EditScript.of(legacy, candidate, 6, 0);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
  }

  @Property(tries = 2_000)
  void bytesDifferIffTheDiffHasChangesAndCountsMatchTheStringDiff(
      @ForAll("texts") byte[] legacy, @ForAll("texts") byte[] candidate) {
    TextDiffer differ = new TextDiffer(Duration.ofSeconds(10), 2_000, 3);

    StreamDiff bytes = differ.diff("stdout", legacy, candidate, SideNames.LIVE);
    StreamDiff strings =
        differ.diff(
            "stdout",
            Texts.lines(new String(legacy, StandardCharsets.UTF_8)),
            Texts.lines(new String(candidate, StandardCharsets.UTF_8)),
            SideNames.LIVE);

    assertThat(bytes.removed() + bytes.added() == 0).isEqualTo(Arrays.equals(legacy, candidate));
    assertThat(bytes).isEqualTo(strings);
  }

  @Provide
  Arbitrary<int[]> ids() {
    return Arbitraries.integers().between(0, 5).array(int[].class).ofMaxSize(60);
  }

  @Provide
  Arbitrary<byte[]> texts() {
    return Arbitraries.of("a", "b", "\n", "\n", "é", "ab\n", "\r", "0123456789abcdef")
        .list()
        .ofMaxSize(30)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              parts.forEach(p -> out.writeBytes(p.getBytes(StandardCharsets.UTF_8)));
              return out.toByteArray();
            });
  }

  /** Applies the edits to {@code legacy}, checking that what they keep is equal on both sides. */
  private static int[] replay(int[] legacy, int[] candidate, List<EditScript.Edit> edits) {
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

  private static int length(List<EditScript.Edit> edits) {
    return edits.stream()
        .mapToInt(e -> e.legacyTo() - e.legacyFrom() + e.candidateTo() - e.candidateFrom())
        .sum();
  }

  /** The textbook dynamic-programming longest common subsequence length. */
  private static int lcs(int[] a, int[] b) {
    int[][] table = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        table[i][j] =
            a[i] == b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    return table[0][0];
  }
}
