package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binary streams: counted byte by byte, shown as hex lines around the first difference. */
class BinaryDiffTests {
  private static StreamDiff diff(byte[] legacy, byte[] candidate) {
    Comparison comparison =
        new ObservationComparator()
            .compare(
                EnumSet.allOf(CompareTarget.class),
                Observation.ofCommand(0, legacy, new byte[0], Map.of(), Duration.ZERO),
                Observation.ofCommand(0, candidate, new byte[0], Map.of(), Duration.ZERO));
    return comparison.diffs().get(0);
  }

  private static byte[] zeros(int length) {
    return new byte[length];
  }

  @Test
  void countsEveryDifferingByteAndEveryByteOneSideHasMore() {
    byte[] legacy = zeros(40);
    byte[] candidate = zeros(43);
    candidate[3] = 1;
    candidate[30] = 2;

    StreamDiff diff = diff(legacy, candidate);

    assertThat(diff.kind()).isEqualTo(StreamDiff.Kind.BINARY);
    assertThat(diff.removed()).isEqualTo(5);
    assertThat(diff.added()).isEqualTo(5);
  }

  @Test
  void showsNineSixteenByteLinesFromFourLinesBeforeTheFirstDifference() {
    byte[] legacy = zeros(512);
    byte[] candidate = Arrays.copyOf(legacy, legacy.length);
    candidate[200] = 1;
    candidate[260] = 2;

    String unified = diff(legacy, candidate).unified();

    // From 200 - 64 = 136 down to a line start, 128 (0x80); nine lines: 0x80 to 0x100.
    assertThat(unified)
        .contains("-000000c0  00000000000000000000000000000000\n")
        .contains("+000000c0  00000000000000000100000000000000\n")
        .contains("+00000100  00000000020000000000000000000000\n")
        .contains(" 00000090  ")
        .doesNotContain("00000110  ");
  }

  @Test
  void showsFromTheStartWhenTheDifferenceIsNearIt() {
    byte[] legacy = zeros(512);
    byte[] candidate = Arrays.copyOf(legacy, legacy.length);
    candidate[20] = 1;
    candidate[130] = 1;
    candidate[150] = 1;

    String unified = diff(legacy, candidate).unified();

    assertThat(unified)
        .contains(" 00000000  ", "+00000010  ", "+00000080  ")
        .doesNotContain("00000090  ");
  }
}
