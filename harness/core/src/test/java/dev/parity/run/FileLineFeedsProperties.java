package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * {@link FileLineFeeds} against the byte-by-byte count of the same bytes in memory, for files of a
 * few bytes to several blocks (counted in parts side by side), any length counted of them, and a
 * file shorter than the length asked for.
 */
class FileLineFeedsProperties {
  private Path file;

  @AfterTry
  void delete() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  @Example
  void theFirstZeroBytesOfAFileThatIsGoneHoldNone() throws IOException {
    file = Files.createTempFile("line-feeds", ".spool");
    Files.delete(file);

    assertThat(FileLineFeeds.count(file, 0)).isZero();
    assertThatThrownBy(() -> FileLineFeeds.count(file, 1)).isInstanceOf(IOException.class);
  }

  @Property(tries = 40)
  void countsTheLineFeedsOfTheFirstBytesAsTheModelDoes(
      @ForAll @IntRange(min = 0, max = 5 * StreamBytes.BLOCK + 100) int size,
      @ForAll @IntRange(min = 0, max = 1000) int permille,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) "\n\nab=x\u00ff".charAt(random.nextInt(7));
    }
    file = Files.createTempFile("line-feeds", ".spool");
    Files.write(file, bytes);
    int length = (int) ((long) size * permille / 1000);
    long model = 0;
    for (int i = 0; i < length; i++) {
      model += bytes[i] == '\n' ? 1 : 0;
    }

    assertThat(FileLineFeeds.count(file, length)).isEqualTo(model);
    assertThatThrownBy(
            () -> FileLineFeeds.count(file, size + 1L + random.nextInt(3 * StreamBytes.BLOCK)))
        .isInstanceOf(IOException.class);
  }
}
