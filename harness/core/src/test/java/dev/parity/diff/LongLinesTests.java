package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongLinesTests {
  private static final int MAX = StreamDiff.MAX_LINE_CHARS;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ascii \u007f",
        "\u0080 two bytes \u07ff",
        "\u0800 three bytes \uffff \u20ac",
        "four bytes \ud83d\ude00 twice \ud83d\ude00",
        "mixed a\u00e9\u20ac\ud83d\ude00z"
      })
  void countsUtf8BytesAsTheEncoderDoes(String text) {
    assertThat(LongLines.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aLineOfTheMaximumLengthIsShownWhole() {
    String line = "x".repeat(MAX);

    assertThat(LongLines.cut(line, "y")).isEqualTo(line);
  }

  @Test
  void aLongerLineWithoutCounterpartIsShownFromItsStart() {
    assertThat(LongLines.cut("a".repeat(MAX) + "b", null))
        .isEqualTo("a".repeat(MAX) + "[1 chars cut]");
  }

  @Test
  void aLongLineIsShownFromAQuarterKilobyteBeforeItsFirstDifference() {
    String line = "a".repeat(3000) + "b".repeat(2000);
    String other = "a".repeat(3000) + "c".repeat(2000);

    String shown = LongLines.cut(line, other);

    assertThat(shown)
        .isEqualTo(
            "[2744 chars cut]" + "a".repeat(256) + "b".repeat(MAX - 256) + "[208 chars cut]");
  }

  @Test
  void aDifferenceNearTheEndShowsTheLastCharacters() {
    String line = "a".repeat(4990) + "b".repeat(10);

    assertThat(LongLines.cut(line, "a".repeat(4990)))
        .isEqualTo("[2952 chars cut]" + "a".repeat(MAX - 10) + "b".repeat(10));
  }

  @Test
  void aCounterpartThatIsAPrefixDiffersWhereItEnds() {
    String line = "a".repeat(1000) + "b".repeat(4000);

    assertThat(LongLines.cut(line, "a".repeat(1000)))
        .isEqualTo(
            "[744 chars cut]" + "a".repeat(256) + "b".repeat(MAX - 256) + "[2208 chars cut]");
  }

  @Test
  void neverCutsASurrogatePairInHalf() {
    String emoji = "\ud83d\ude00";
    // Cut from 256 before the difference at 556: index 300, the pair's second half.
    String afterStart = "a".repeat(299) + emoji + "a".repeat(255) + "b" + "a".repeat(3000);
    // Shown from the start: the 2048th character would be the pair's second half.
    String atEnd = "a".repeat(MAX - 1) + emoji + "a".repeat(100);

    assertThat(LongLines.cut(afterStart, "a".repeat(299) + emoji + "a".repeat(3256)))
        .isEqualTo(
            "[301 chars cut]" + "a".repeat(255) + "b" + "a".repeat(1791) + "[1209 chars cut]");
    assertThat(LongLines.cut(atEnd, null)).isEqualTo("a".repeat(MAX - 1) + "[102 chars cut]");
  }
}
