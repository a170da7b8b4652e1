package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Diffs of long lines are bounded in bytes whatever the line lengths (a 60 MB single-line
 * difference made a 120 MB diff text and took 4.7 GB), while equality is still decided on every
 * byte. The cases take well under a second; the timeout is generous.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LongLineDiffTests {
  private static final int MB = 1024 * 1024;

  private static Observation stdout(byte[] bytes) {
    return Observation.ofCommand(0, bytes, new byte[0], Map.of(), Duration.ZERO);
  }

  @Test
  void aHugeSingleLineDifferenceIsShownAroundTheDifferenceAndCut() {
    byte[] legacy = "a".repeat(30 * MB).getBytes(StandardCharsets.US_ASCII);
    byte[] candidate = Arrays.copyOf(legacy, legacy.length);
    candidate[20 * MB] = 'B';

    Comparison comparison =
        new ObservationComparator()
            .compare(EnumSet.allOf(CompareTarget.class), stdout(legacy), stdout(candidate));

    StreamDiff diff = comparison.diffs().get(0);
    assertThat(comparison.isIdentical()).isFalse();
    assertThat(diff.removed()).isEqualTo(1);
    assertThat(diff.added()).isEqualTo(1);
    assertThat(diff.unified().length()).isLessThan(StreamDiff.MAX_UNIFIED_BYTES);
    assertThat(diff.unified())
        .contains("+[" + (20 * MB - 256) + " chars cut]" + "a".repeat(256) + "B")
        .contains(" chars cut]\n\\ No newline at end of file");
  }

  @Test
  void oneDifferentByteInALongLineIsStillADifference() {
    byte[] legacy = ("x".repeat(5 * MB) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] candidate = Arrays.copyOf(legacy, legacy.length);
    candidate[5 * MB - 1] = 'y';

    Comparison comparison =
        new ObservationComparator()
            .compare(EnumSet.allOf(CompareTarget.class), stdout(legacy), stdout(candidate));

    assertThat(comparison.isIdentical()).isFalse();
    assertThat(comparison.diffs().get(0).unified()).contains("x".repeat(256) + "y");
  }

  @Test
  void manyLongChangedLinesAreCountedInFullAndShownUpToTheByteCap() {
    List<String> legacy =
        IntStream.range(0, 500).mapToObj(i -> "L" + i + "=" + "v".repeat(20_000)).toList();
    List<String> candidate =
        IntStream.range(0, 500).mapToObj(i -> "L" + i + "=" + "w".repeat(20_000)).toList();

    StreamDiff diff = new TextDiffer().diff("stdout", legacy, candidate);

    assertThat(diff.removed()).isEqualTo(500);
    assertThat(diff.added()).isEqualTo(500);
    assertThat(diff.truncated()).isTrue();
    assertThat(diff.unified().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(StreamDiff.MAX_UNIFIED_BYTES + 100);
    assertThat(diff.unified()).endsWith(StreamDiff.cutNote() + "\n");
    assertThat(StreamDiff.cutNote()).isEqualTo("... cut at 64 KiB; full output in observations/");
  }

  @Test
  void multibyteTextIsCutOnCharacterBoundariesAndCountedInBytes() {
    String legacy = "é".repeat(100_000);
    String candidate = "é".repeat(99_999) + "ü";

    StreamDiff diff = new TextDiffer().diff("stdout", List.of(legacy), List.of(candidate));

    assertThat(diff.unified().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(StreamDiff.MAX_UNIFIED_BYTES);
    assertThat(diff.unified()).contains("éü").doesNotContain("\uFFFD");
  }
}
