package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The byte-level line split and interning against a reference model ({@link Texts#lines} on the
 * decoded text, {@code indexOf} for newlines, {@link Arrays#equals} for line equality). Few tries,
 * so that mutation testing can run them for every mutant (the large ones are in
 * EditScriptProperties).
 */
class ByteLinesTests {

  @Property(tries = 200)
  void theLinesAreThoseOfTheDecodedText(@ForAll("texts") byte[] text) {
    ByteLines lines = new ByteLines(text);
    List<String> expected = Texts.lines(new String(text, StandardCharsets.UTF_8));

    List<String> actual = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      actual.add(lines.text(i));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Property(tries = 200)
  void theNextNewlineIsTheFirstAtOrAfterTheStart(
      @ForAll("texts") byte[] text, @ForAll @IntRange(min = 0, max = 40) int from) {
    int start = Math.min(from, text.length);
    int expected = -1;
    for (int i = start; i < text.length; i++) {
      if (text[i] == '\n') {
        expected = i;
        break;
      }
    }

    assertThat(ByteLines.nextNewline(text, start)).isEqualTo(expected);
  }

  @Property(tries = 200)
  void equalLinesGetOneIdWhereverTheyStand(
      @ForAll("texts") byte[] legacy, @ForAll("texts") byte[] candidate) {
    ByteLines a = new ByteLines(legacy);
    ByteLines b = new ByteLines(candidate);
    LinePair pair = LinePair.of(legacy, candidate);

    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        boolean same =
            a.unterminated(i) == b.unterminated(j)
                && Arrays.equals(legacy, a.from(i), a.to(i), candidate, b.from(j), b.to(j));
        assertThat(pair.legacy()[i] == pair.candidate()[j]).as("%d ~ %d", i, j).isEqualTo(same);
        if (same) {
          assertThat(ByteLines.hash(legacy, a.from(i), a.to(i)))
              .isEqualTo(ByteLines.hash(candidate, b.from(j), b.to(j)));
        }
      }
    }
    assertThat(pair.ids())
        .isEqualTo(
            (int)
                IntStream.concat(Arrays.stream(pair.legacy()), Arrays.stream(pair.candidate()))
                    .distinct()
                    .count());
  }

  @Property(tries = 200)
  void sideBySideTheIdsAreThoseGivenOnOneThread(
      @ForAll("texts") byte[] legacy, @ForAll("texts") byte[] candidate) {
    LinePair alone = LinePair.of(legacy, candidate, false);
    LinePair sideBySide = LinePair.of(legacy, candidate, true);

    assertThat(sideBySide.legacy()).isEqualTo(alone.legacy());
    assertThat(sideBySide.candidate()).isEqualTo(alone.candidate());
    assertThat(sideBySide.ids()).isEqualTo(alone.ids());
  }

  @Test
  void largeOutputsOutOfStepAreMatchedSideBySideToTheSameIds() {
    // Lines inserted and removed put the in-order comparison out of step; past 1 MiB the
    // candidate's half runs on a thread of its own, and its misses are matched on this one.
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      String line = "line " + (i % 7_000) + " of a long enough output\n";
      left.append(line);
      if (i % 1_000 == 0) {
        right.append("inserted ").append(i).append('\n');
      }
      if (i % 1_500 != 0) {
        right.append(i % 3_000 == 1 ? "changed " + i + "\n" : line);
      }
    }
    byte[] legacy = left.toString().getBytes(StandardCharsets.UTF_8);
    byte[] candidate = right.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(legacy.length + candidate.length).isGreaterThan(LinePair.SIDE_BY_SIDE_BYTES);

    LinePair sideBySide = LinePair.of(legacy, candidate);
    LinePair alone = LinePair.of(legacy, candidate, false);

    assertThat(sideBySide.legacy()).isEqualTo(alone.legacy());
    assertThat(sideBySide.candidate()).isEqualTo(alone.candidate());
    assertThat(sideBySide.ids()).isEqualTo(alone.ids()).isEqualTo(7_000 + 40 + 14);
  }

  @Test
  void aLastLineWithoutNewlineIsMarkedAndDiffersFromTheSameLineWithOne() {
    byte[] legacy = "a\nb".getBytes(StandardCharsets.UTF_8);
    byte[] candidate = "a\nb\n".getBytes(StandardCharsets.UTF_8);
    ByteLines lines = new ByteLines(legacy);

    assertThat(lines.size()).isEqualTo(2);
    assertThat(lines.unterminated(0)).isFalse();
    assertThat(lines.unterminated(1)).isTrue();
    assertThat(lines.to(1)).isEqualTo(3);
    assertThat(lines.text(1)).isEqualTo("b\n" + Texts.NO_NEWLINE);
    LinePair pair = LinePair.of(legacy, candidate);
    assertThat(pair.legacy()[0]).isEqualTo(pair.candidate()[0]);
    assertThat(pair.legacy()[1]).isNotEqualTo(pair.candidate()[1]);
  }

  @Test
  void manyLinesGrowTheTableOfStarts() {
    byte[] text = "x\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    ByteLines lines = new ByteLines(text);

    assertThat(lines.size()).isEqualTo(100);
    assertThat(lines.from(99)).isEqualTo(198);
    assertThat(lines.to(99)).isEqualTo(199);
    assertThat(LinePair.of(text, text).ids()).isEqualTo(1);
  }

  @Test
  void anUnterminatedLineAfterAFullTableOfStartsStillFits() {
    // 16 lines fill the first table of starts exactly; the unterminated 17th needs one more slot.
    byte[] text = ("x\n".repeat(16) + "y").getBytes(StandardCharsets.UTF_8);
    ByteLines lines = new ByteLines(text);

    assertThat(lines.size()).isEqualTo(17);
    assertThat(lines.from(16)).isEqualTo(32);
    assertThat(lines.text(16)).isEqualTo("y\n" + Texts.NO_NEWLINE);
  }

  @Property(tries = 200)
  void theNewlinesCountedEightAtATimeAreThoseOfTheBytes(@ForAll("texts") byte[] text) {
    long expected = 0;
    for (byte b : text) {
      if (b == '\n') {
        expected++;
      }
    }

    assertThat(ByteLines.newlines(text)).isEqualTo(expected);
  }

  @Property(tries = 100)
  void manyDistinctLinesOnBothSidesGrowTheTableAndKeepOneIdPerLine(
      @ForAll @IntRange(min = 0, max = 300) int legacyLines,
      @ForAll @IntRange(min = 0, max = 300) int candidateLines,
      @ForAll @IntRange(min = 0, max = 300) int shift) {
    // Legacy holds lines 0..n-1, the candidate lines shift..shift+m-1: ids are shared exactly by
    // the lines in both ranges, and far more ids than the larger side has lines force the table
    // (sized for that side) to grow.
    StringBuilder left = new StringBuilder();
    for (int i = 0; i < legacyLines; i++) {
      left.append("line ").append(i).append('\n');
    }
    StringBuilder right = new StringBuilder();
    for (int i = shift; i < shift + candidateLines; i++) {
      right.append("line ").append(i).append('\n');
    }
    LinePair pair =
        LinePair.of(
            left.toString().getBytes(StandardCharsets.UTF_8),
            right.toString().getBytes(StandardCharsets.UTF_8));

    for (int i = 0; i < legacyLines; i++) {
      assertThat(pair.legacy()[i]).isEqualTo(i);
    }
    for (int j = 0; j < candidateLines; j++) {
      int line = shift + j;
      if (line < legacyLines) {
        assertThat(pair.candidate()[j]).isEqualTo(line);
      } else {
        assertThat(pair.candidate()[j]).isGreaterThanOrEqualTo(legacyLines);
      }
    }
    int shared = Math.max(0, Math.min(legacyLines, shift + candidateLines) - shift);
    assertThat(pair.ids()).isEqualTo(legacyLines + candidateLines - shared);
  }

  @Test
  void theTableIsSizedForTheLargerSideAndNeverMoreThanHalfFull() {
    byte[] text = "x\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    LinePair.Interner interner = new LinePair.Interner(new ByteLines(text), new ByteLines(text));

    assertThat(interner.capacity()).isEqualTo(2048);
    assertThat(LinePair.Interner.tableFor(1024)).isEqualTo(2048);
    assertThat(LinePair.Interner.tableFor(1025)).isEqualTo(4096);
    assertThat(LinePair.Interner.tableFor(0)).isEqualTo(16);
    // 3,000 lines a side, none shared: 6,000 ids outgrow the 8,192 slots sized for one side.
    ByteLines legacy = new ByteLines(distinctLines("a", 3000));
    ByteLines candidate = new ByteLines(distinctLines("b", 3000));
    LinePair.Interner growing = new LinePair.Interner(legacy, candidate);
    assertThat(growing.capacity()).isEqualTo(8192);
    // Ids are given in order of first sight: here legacy line i, then candidate line i.
    for (int i = 0; i < 3000; i++) {
      assertThat(growing.id(legacy, i, i)).isEqualTo(2 * i);
      assertThat(growing.id(candidate, i, 3000 + i)).isEqualTo(2 * i + 1);
      assertThat(growing.firstLine(2 * i + 1)).isEqualTo(3000 + i);
      assertThat(2L * growing.size).isLessThanOrEqualTo(growing.capacity());
    }
    assertThat(growing.capacity()).isEqualTo(16384);
    for (int i = 0; i < 3000; i++) {
      assertThat(growing.id(candidate, i, 3000 + i)).isEqualTo(2 * i + 1);
      assertThat(growing.id(legacy, i, i)).isEqualTo(2 * i);
    }
    assertThat(growing.size).isEqualTo(6000);
  }

  private static byte[] distinctLines(String prefix, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(prefix).append(i).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<byte[]> texts() {
    return Arbitraries.of("a", "b", "\n", "\n", "é", "ab\n", "0123456789abcdef", "01234567\n")
        .list()
        .ofMaxSize(12)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              parts.forEach(p -> out.writeBytes(p.getBytes(StandardCharsets.UTF_8)));
              return out.toByteArray();
            });
  }
}
