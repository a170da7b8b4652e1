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
  void staysBoundedOnManyChangedLinesAndSaysItApproximated() {
    List<String> legacy = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).toList();
    List<String> candidate = new ArrayList<>(legacy);
    for (int i = 0; i < candidate.size(); i += 10) {
      candidate.set(i, "changed " + i);
    }

    StreamDiff diff =
        new TextDiffer(Duration.ofMillis(200), 2_000, 3).diff("stdout", legacy, candidate);

    assertThat(diff.approximate()).isTrue();
    assertThat(diff.removed()).isEqualTo(10_000);
    assertThat(diff.added()).isEqualTo(10_000);
    assertThat(diff.truncated()).isTrue();
    assertThat(diff.unified().lines().count()).isEqualTo(2_001);
    assertThat(diff.unified())
        .startsWith(
            "--- legacy/stdout\n+++ candidate/stdout\n@@ -1,4 +1,4 @@\n-line 0\n+changed 0\n line 1\n");
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
  void marksAMissingFinalNewline() {
    assertThat(Texts.lines("a\nb")).containsExactly("a", "b\n" + Texts.NO_NEWLINE);
    assertThat(Texts.lines("a\nb\n")).containsExactly("a", "b");
    assertThat(Texts.lines("")).isEmpty();
  }
}
