package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
}
