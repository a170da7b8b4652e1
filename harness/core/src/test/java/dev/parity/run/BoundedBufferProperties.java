package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The block buffer against a plain byte array stream cut at the limit. */
class BoundedBufferProperties {

  @Property(tries = 300)
  void keepsTheFirstLimitBytesAndSaysWhenItDroppedSome(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 40_000) Integer> writes,
      @ForAll @IntRange(min = 0, max = 300_000) int limit) {
    BoundedBuffer buffer = new BoundedBuffer(limit);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    int n = 0;
    for (int size : writes) {
      byte[] chunk = new byte[size + 2];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = (byte) (n++ * 31);
      }
      if (size % 3 == 0) {
        buffer.write(chunk[1]);
        all.write(chunk[1]);
      } else {
        buffer.write(chunk, 1, size);
        all.write(chunk, 1, size);
      }
    }
    byte[] expected = all.toByteArray();

    assertThat(buffer.toByteArray())
        .isEqualTo(Arrays.copyOf(expected, Math.min(limit, expected.length)));
    assertThat(buffer.overflowed()).isEqualTo(expected.length > limit);
  }
}
