package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

  /** How a new output departs from an earlier one of the same program. */
  enum Change {
    NONE,
    TRUNCATED,
    ONE_BYTE_CHANGED,
    EXTENDED
  }

  @Property(tries = 200)
  void keepsExactlyWhatWasWrittenWhenItStartsAsAnEarlierOutput(
      @ForAll @IntRange(min = RecentOutputs.MIN_SIZE, max = 300_000) int size,
      @ForAll Change change,
      @ForAll @IntRange(min = 0, max = 299_999) int where,
      @ForAll @IntRange(min = 1, max = 70_000) int chunk,
      @ForAll @IntRange(min = 0, max = 400_000) int limit,
      @ForAll @IntRange(min = 0, max = 299_999) int decoyAt)
      throws IOException {
    RecentOutputs recent = new RecentOutputs();
    byte[] earlier = new byte[size];
    new Random(size).nextBytes(earlier);
    recent.add(earlier);
    // A more recent output with the same start, as a candidate is before legacy's rerun.
    byte[] decoy = earlier.clone();
    decoy[decoyAt % size]++;
    recent.add(decoy);
    int at = where % size;
    byte[] output =
        switch (change) {
          case NONE -> earlier.clone();
          case TRUNCATED -> Arrays.copyOf(earlier, at);
          case ONE_BYTE_CHANGED -> {
            byte[] changed = earlier.clone();
            changed[at]++;
            yield changed;
          }
          case EXTENDED -> Arrays.copyOf(earlier, size + at + 1);
        };
    BoundedBuffer buffer = new BoundedBuffer(limit, recent);
    for (int from = 0; from < output.length; from += chunk) {
      buffer.write(output, from, Math.min(chunk, output.length - from));
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    buffer.writeTo(written::write);

    byte[] expected = Arrays.copyOf(output, Math.min(limit, output.length));
    assertThat(buffer.toByteArray()).isEqualTo(expected);
    assertThat(written.toByteArray()).isEqualTo(expected);
    assertThat(buffer.overflowed()).isEqualTo(output.length > limit);
    if (Arrays.equals(expected, earlier)) {
      assertThat(buffer.toByteArray()).isSameAs(earlier);
    }
    if (Arrays.equals(expected, decoy)) {
      assertThat(buffer.toByteArray()).isSameAs(decoy);
    }
  }

  @Test
  void anOutputEqualToAnEarlierOneSharesItsArrayAndADifferentOneDoesNot() {
    // As a compare runs them: legacy, a candidate that differs only at the end, legacy again.
    RecentOutputs recent = new RecentOutputs();
    byte[] first = new byte[RecentOutputs.MIN_SIZE + 5];
    new Random(1).nextBytes(first);
    BoundedBuffer legacy = new BoundedBuffer(Long.MAX_VALUE, recent);
    legacy.write(first, 0, first.length);
    byte[] kept = legacy.toByteArray();
    byte[] changed = first.clone();
    changed[first.length - 1]++;
    BoundedBuffer candidate = new BoundedBuffer(Long.MAX_VALUE, recent);
    candidate.write(changed, 0, changed.length);
    byte[] candidateBytes = candidate.toByteArray();

    BoundedBuffer rerun = new BoundedBuffer(Long.MAX_VALUE, recent);
    rerun.write(first, 0, 1000);
    rerun.write(first, 1000, first.length - 1000);

    assertThat(candidateBytes).isNotSameAs(kept).isEqualTo(changed);
    assertThat(rerun.toByteArray()).isSameAs(kept);
  }
}
