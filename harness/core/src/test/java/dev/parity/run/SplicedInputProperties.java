package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * A stream with a {@link Spooled.Prefix} reads, skips and copies as the bytes it stands for: the
 * prefix's first bytes, then its own file's from there (the model: those bytes in one array).
 */
class SplicedInputProperties {
  private Path head;
  private Path tail;
  private Path copy;

  @AfterTry
  void delete() throws IOException {
    for (Path file : new Path[] {head, tail, copy}) {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Property(tries = 300)
  void readsSkipsAndCopiesAsTheBytesItStandsFor(
      @ForAll @IntRange(min = 0, max = 3_000) int headSize,
      @ForAll @IntRange(min = 0, max = 3_000) int shared,
      @ForAll @IntRange(min = 0, max = 3_000) int rest,
      @ForAll @Size(max = 12) List<@IntRange(min = -1, max = 1_500) Integer> steps,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    byte[] reference = bytes(random, headSize);
    int length = Math.min(shared, headSize);
    byte[] own = bytes(random, rest);
    byte[] expected = Arrays.copyOf(reference, length + rest);
    System.arraycopy(own, 0, expected, length, rest);
    head = Files.write(Files.createTempFile("spliced-head", ""), reference);
    tail = Files.createTempFile("spliced-tail", "");
    try (FileChannel out = FileChannel.open(tail, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(own), length);
    }
    Spooled spooled =
        new Spooled(
            tail,
            expected.length,
            new Spooled.Prefix(
                new Spooled(head, reference.length),
                length,
                StreamBytes.lineFeeds(reference, 0, length)));

    try (InputStream in = spooled.open();
        InputStream model = new ByteArrayInputStream(expected)) {
      for (int step : steps) {
        if (step < 0) {
          assertThat(in.read()).isEqualTo(model.read());
        } else if (step % 2 == 0) {
          // skip() itself, not skipNBytes(), whose reads would make up for a skip that fell short.
          long wanted = Math.min(step, model.available());
          assertThat(in.skip(step)).isEqualTo(wanted);
          model.skipNBytes(wanted);
        } else {
          assertThat(in.readNBytes(step)).isEqualTo(model.readNBytes(step));
        }
      }
      assertThat(in.readAllBytes()).isEqualTo(model.readAllBytes());
      assertThat(in.read()).isEqualTo(-1);
    }
    int part = random.nextInt(expected.length + 1);
    copy = Files.createTempFile("spliced-copy", "");
    try (FileChannel target = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      spooled.transferTo(part, target);
    }
    assertThat(Files.readAllBytes(copy)).isEqualTo(Arrays.copyOf(expected, part));
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
