package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import org.junit.jupiter.api.Test;

/** Whatever the limit, every byte is kept: in memory within it, in one spool file past it. */
class SpoolingBufferProperties {
  private Path spool;

  @AfterTry
  void deleteSpool() throws IOException {
    if (spool != null) {
      Files.deleteIfExists(spool);
      spool = null;
    }
  }

  @Property(tries = 200)
  void keepsEveryByteInMemoryWithinTheLimitAndOnDiskPastIt(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 20_000) Integer> writes,
      @ForAll @IntRange(min = 1, max = 100_000) int limit)
      throws IOException {
    SpoolingBuffer buffer =
        new SpoolingBuffer(
            limit,
            () -> {
              spool = Files.createTempFile("spooling-buffer", "");
              return spool;
            });
    byte[] expected = WriteSequences.replay(writes, buffer);

    Optional<Spooled> spooled = buffer.finish();

    assertThat(spooled.isPresent()).isEqualTo(expected.length > limit);
    if (spooled.isPresent()) {
      assertThat(spooled.get().size()).isEqualTo(expected.length);
      assertThat(Files.readAllBytes(spooled.get().file())).isEqualTo(expected);
    } else {
      assertThat(buffer.bytes()).isEqualTo(expected);
    }
    assertThat(buffer.count()).isEqualTo(expected.length);
  }

  @Test
  void aSpoolThatCannotBeWrittenIsReportedWithTheSizeTheStreamReached() {
    SpoolingBuffer buffer =
        new SpoolingBuffer(
            10,
            () -> {
              throw new IOException("No space left on device");
            });
    buffer.write(new byte[25], 0, 25);
    buffer.write(new byte[5], 0, 5);

    assertThat(buffer.count()).isEqualTo(30);
    assertThatThrownBy(buffer::finish).hasMessage("No space left on device");
  }
}
