package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
      @ForAll @IntRange(min = 0, max = 300_000) int limit)
      throws IOException {
    BoundedBuffer buffer = new BoundedBuffer(limit);
    byte[] expected = WriteSequences.replay(writes, buffer);

    assertThat(buffer.toByteArray())
        .isEqualTo(Arrays.copyOf(expected, Math.min(limit, expected.length)));
    assertThat(buffer.overflowed()).isEqualTo(expected.length > limit);
  }
}
