package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextDifferTests {

  @Test
  void producesAUnifiedDiffWithContextAndRemovalsFirst() {
    StreamDiff diff =
        new TextDiffer()
            .diff(
                "stdout",
                List.of("a", "b", "c", "d", "e", "f", "g"),
                List.of("a", "b", "c", "D", "e", "f", "g", "h"));

    assertThat(diff.unified())
        .isEqualTo(
            """
            --- legacy/stdout
            +++ candidate/stdout
            @@ -1,7 +1,8 @@
             a
             b
             c
            -d
            +D
             e
             f
             g
            +h
            """);
    assertThat(diff.removed()).isEqualTo(1);
    assertThat(diff.added()).isEqualTo(2);
    assertThat(diff.approximate()).isFalse();
  }

  @Test
  void diffsManyChangedLinesExactlyAndStaysBounded() {
    List<String> legacy = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).toList();
    List<String> candidate = new ArrayList<>(legacy);
    for (int i = 0; i < candidate.size(); i += 10) {
      candidate.set(i, "changed " + i);
    }

    StreamDiff diff =
        new TextDiffer(Duration.ofSeconds(60), 2_000, 3).diff("stdout", legacy, candidate);

    // Patience anchors (the unchanged lines) make this linear: no fallback needed any more (the
    // budget is generous so that a loaded machine cannot make it run out).
    assertThat(diff.approximate()).isFalse();
    assertThat(diff.removed()).isEqualTo(10_000);
    assertThat(diff.added()).isEqualTo(10_000);
    assertThat(diff.truncated()).isTrue();
    assertThat(diff.unified().lines().count()).isEqualTo(2_001);
    assertThat(diff.unified())
        .startsWith(
            "--- legacy/stdout\n+++ candidate/stdout\n@@ -1,4 +1,4 @@\n-line 0\n+changed 0\n line 1\n");
  }

  @Test
  void staysBoundedWhenTheBudgetIsSpentAndSaysItApproximated() {
    List<String> legacy = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).toList();
    List<String> candidate = new ArrayList<>(legacy);
    for (int i = 0; i < candidate.size(); i += 10) {
      candidate.set(i, "changed " + i);
    }

    StreamDiff diff = new TextDiffer(Duration.ZERO, 2_000, 3).diff("stdout", legacy, candidate);

    assertThat(diff.approximate()).isTrue();
    assertThat(diff.removed()).isEqualTo(10_000);
    assertThat(diff.added()).isEqualTo(10_000);
    assertThat(diff.truncated()).isTrue();
    assertThat(diff.unified().lines().count()).isEqualTo(2_001);
  }

  @Test
  void positionalFallbackHandlesUnequalLengths() {
    List<String> legacy = IntStream.range(0, 50).mapToObj(i -> "x" + i).toList();
    List<String> candidate = IntStream.range(0, 60).mapToObj(i -> "y" + i).toList();

    StreamDiff diff = new TextDiffer(Duration.ZERO, 1_000, 3).diff("stdout", legacy, candidate);

    assertThat(diff.removed()).isEqualTo(50);
    assertThat(diff.added()).isEqualTo(60);
  }

  @Test
  void aDiffWithinItsBudgetIsExact() {
    List<String> legacy = IntStream.range(0, 1_000).mapToObj(i -> "a" + i).toList();
    List<String> candidate =
        IntStream.range(0, 1_000).mapToObj(i -> (i % 2 == 0 ? "c" : "a") + i).toList();

    StreamDiff diff =
        new TextDiffer(Duration.ofMinutes(5), 10_000, 0).diff("out", legacy, candidate);

    assertThat(diff.approximate()).isFalse();
    assertThat(diff.removed()).isEqualTo(500);
    assertThat(diff.added()).isEqualTo(500);
  }

  @Test
  void thePositionalFallbackPairsLinesByIndexAndCountsEveryRun() {
    List<String> legacy = IntStream.range(0, 1_000).mapToObj(i -> "a" + i).toList();
    List<String> candidate = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      candidate.add((i % 2 == 0 || i == 1 ? "c" : "a") + i);
    }
    candidate.addAll(List.of("e0", "e1"));

    StreamDiff diff = new TextDiffer(Duration.ZERO, 10_000, 0).diff("out", legacy, candidate);

    assertThat(diff.approximate()).isTrue();
    assertThat(diff.removed()).isEqualTo(501);
    assertThat(diff.added()).isEqualTo(503);
    assertThat(diff.unified())
        .contains("@@ -1,3 +1,3 @@\n-a0\n-a1\n-a2\n+c0\n+c1\n+c2\n@@ ")
        .contains("\n-a998\n+c998\n")
        .endsWith("\n+e0\n+e1\n");
  }

  @Test
  void aLegacyLongerThanTheCandidateFallsBackToRemovals() {
    List<String> legacy = IntStream.range(0, 1_002).mapToObj(i -> "a" + i).toList();
    List<String> candidate =
        IntStream.range(0, 1_000).mapToObj(i -> (i % 2 == 0 ? "c" : "a") + i).toList();

    StreamDiff diff = new TextDiffer(Duration.ZERO, 10_000, 0).diff("out", legacy, candidate);

    assertThat(diff.approximate()).isTrue();
    assertThat(diff.removed()).isEqualTo(502);
    assertThat(diff.added()).isEqualTo(500);
    assertThat(diff.unified()).endsWith("\n-a1000\n-a1001\n");
  }

  @Test
  void aDiffTextOfExactlyTheByteCapIsShownWhole() {
    List<String> legacy = IntStream.range(0, 32).mapToObj(i -> i + "=" + "x".repeat(990)).toList();
    List<String> candidate =
        IntStream.range(0, 32).mapToObj(i -> i + "=" + "y".repeat(990)).toList();
    TextDiffer differ = new TextDiffer(Duration.ofMinutes(5), 10_000, 0);
    int base = differ.diff("out", legacy, candidate).unified().length();
    // Pads the last candidate lines (each staying short enough to be shown whole) so that the
    // whole text is exactly the cap, then one byte more.
    List<String> exact = new ArrayList<>(candidate);
    int missing = StreamDiff.MAX_UNIFIED_BYTES - base;
    for (int i = 31; missing > 0; i--) {
      int pad = Math.min(1_000, missing);
      exact.set(i, candidate.get(i) + "z".repeat(pad));
      missing -= pad;
    }
    List<String> over = new ArrayList<>(exact);
    over.set(31, exact.get(31) + "z");

    StreamDiff whole = differ.diff("out", legacy, exact);
    StreamDiff cut = differ.diff("out", legacy, over);

    assertThat(whole.truncated()).isFalse();
    assertThat(whole.unified()).hasSize(StreamDiff.MAX_UNIFIED_BYTES).endsWith("z\n");
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.unified()).endsWith(StreamDiff.cutNote() + "\n");
  }

  @Test
  void marksAMissingFinalNewline() {
    assertThat(Texts.lines("a\nb")).containsExactly("a", "b\n" + Texts.NO_NEWLINE);
    assertThat(Texts.lines("a\nb\n")).containsExactly("a", "b");
    assertThat(Texts.lines("")).isEmpty();
    assertThat(Texts.lines("\na\n")).containsExactly("", "a");
  }
}
