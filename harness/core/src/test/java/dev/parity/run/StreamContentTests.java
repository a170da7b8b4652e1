package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StreamContentTests {
  private static final byte[] INVALID = {'a', (byte) 0xC3, 'b'};

  @Test
  void strictUtf8RejectsAnInvalidSequenceThatLenientUtf8Replaces() {
    assertThat(Utf8.strict(INVALID)).isEmpty();
    assertThat(StreamContent.lenientUtf8(INVALID)).isEqualTo("a\uFFFDb");
    assertThat(Utf8.strict("é".getBytes(StandardCharsets.UTF_8))).contains("é");
  }

  @Test
  void binaryMeansANulByteInTheFirst8KiB() {
    byte[] late = new byte[8193];
    Arrays.fill(late, (byte) 'x');
    late[8192] = 0;
    byte[] early = late.clone();
    early[8191] = 0;

    assertThat(StreamContent.looksBinary(late)).isFalse();
    assertThat(StreamContent.looksBinary(early)).isTrue();
    assertThat(StreamContent.text(early)).isEmpty();
    assertThat(StreamContent.text(INVALID)).isEmpty();
    assertThat(StreamContent.text("ok".getBytes(StandardCharsets.UTF_8))).contains("ok");
  }

  @Property(tries = 1_000)
  void utf8IsWhatTheStrictDecoderAcceptsWhereverTheFirstNonAsciiByteStands(
      @ForAll("bytes") byte[] bytes) {
    boolean strict;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      strict = true;
    } catch (CharacterCodingException e) {
      strict = false;
    }
    int firstHigh = 0;
    while (firstHigh < bytes.length && bytes[firstHigh] >= 0) {
      firstHigh++;
    }

    assertThat(StreamContent.isUtf8(bytes)).isEqualTo(strict);
    assertThat(StreamContent.firstNonAscii(bytes)).isEqualTo(firstHigh);
  }

  /**
   * ASCII runs of any length (so the first non-ASCII byte falls anywhere in a word), then bytes.
   */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> ascii =
        Arbitraries.bytes().between((byte) 0, (byte) 127).array(byte[].class).ofMaxSize(40);
    Arbitrary<byte[]> pieces =
        Arbitraries.of("é", "\u20ac", "\uD83D\uDE00", "\u00ff", "a", "\n")
            .map(t -> t.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> invalid =
        Arbitraries.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF});
    return Arbitraries.oneOf(ascii, pieces, invalid)
        .list()
        .ofMaxSize(6)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              parts.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }
}
