package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The first difference of two streams and the line feeds before it, as a byte loop says. */
class StreamBytesProperties {
  @Provide
  Arbitrary<byte[]> lines() {
    // Mostly line feeds and a few letters, so that differences and line feeds fall anywhere.
    return Arbitraries.of((byte) '\n', (byte) 'a', (byte) 'b', (byte) 0x8a, (byte) 0)
        .array(byte[].class)
        .ofMaxSize(80);
  }

  @Property(tries = 500)
  void findsTheFirstDifferenceAndTheLineFeedsBeforeIt(
      @ForAll("lines") byte[] a, @ForAll("lines") byte[] b) throws IOException {
    Optional<StreamBytes.Mismatch> found =
        StreamBytes.mismatch(new ByteArrayInputStream(a), new ByteArrayInputStream(b));

    int at = Arrays.mismatch(a, b);
    if (at < 0) {
      assertThat(found).isEmpty();
      return;
    }
    assertThat(found).contains(new StreamBytes.Mismatch(at, lineFeeds(a, at)));
    assertThat(
            StreamBytes.firstDifference(new ByteArrayInputStream(a), new ByteArrayInputStream(b)))
        .isEqualTo(at);
  }

  @Property(tries = 300)
  void countsLineFeedsInAnySlice(@ForAll("lines") byte[] a) {
    for (int from = 0; from <= a.length; from += 3) {
      for (int to = from; to <= a.length; to++) {
        long expected = 0;
        for (int i = from; i < to; i++) {
          expected += a[i] == '\n' ? 1 : 0;
        }
        assertThat(StreamBytes.lineFeeds(a, from, to)).isEqualTo(expected);
      }
    }
  }

  @Test
  void countsTheLineFeedsOfEveryBlockBeforeADifferenceSeveralBlocksIn() throws IOException {
    byte[] a = new byte[StreamBytes.BLOCK * 2 + 1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (i % 10 == 9 ? '\n' : 'x');
    }
    byte[] b = a.clone();
    int at = StreamBytes.BLOCK * 2 + 995;
    b[at] = 'y';

    assertThat(StreamBytes.mismatch(new ByteArrayInputStream(a), new ByteArrayInputStream(b)))
        .contains(new StreamBytes.Mismatch(at, lineFeeds(a, at)));
    assertThat(
            StreamBytes.mismatch(
                new ByteArrayInputStream(a), new ByteArrayInputStream(a, 0, a.length - 1)))
        .contains(new StreamBytes.Mismatch(a.length - 1, lineFeeds(a, a.length - 1)));
    assertThat(StreamBytes.mismatch(new ByteArrayInputStream(a), new ByteArrayInputStream(a)))
        .isEmpty();
  }

  private static long lineFeeds(byte[] bytes, int to) {
    long count = 0;
    for (int i = 0; i < to; i++) {
      count += bytes[i] == '\n' ? 1 : 0;
    }
    return count;
  }
}
