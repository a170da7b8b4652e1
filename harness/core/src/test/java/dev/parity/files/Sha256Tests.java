package dev.parity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file's digest is the JDK's SHA-256 of its bytes whichever JVM computes it, and the second JVM
 * that hashes large files is gone when the JVM that started it is.
 */
class Sha256Tests {
  @TempDir Path dir;

  private static String model(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private Path file(int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(dir.resolve("f" + size + "-" + seed), bytes);
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 63, 64, 65, (1 << 20) - 1, 1 << 20, (1 << 20) + 7})
  void bytesStreamsAndFilesHaveTheJdksDigest(int size) throws Exception {
    Path file = file(size, size);
    byte[] bytes = Files.readAllBytes(file);
    String expected = model(bytes);

    assertThat(Sha256.of(bytes)).isEqualTo(expected);
    assertThat(Sha256.of(new ByteArrayInputStream(bytes))).isEqualTo(expected);
    assertThat(Sha256.of(file)).isEqualTo(expected);
    assertThat(Sha256.inThisJvm(file)).isEqualTo(expected);
  }

  @Test
  void aFileHashedByTheSecondJvmHasTheSameDigest() throws Exception {
    Path file = file(3 << 20, 7);

    assertThat(Sha256.inFastJvm(file)).contains(model(Files.readAllBytes(file)));
  }

  @Test
  void bytesHashedByTheSecondJvmThroughItsInputHaveTheSameDigest() throws Exception {
    byte[] bytes = Files.readAllBytes(file(3 << 20, 5));

    assertThat(Sha256.inFastJvm(bytes)).contains(model(bytes));
  }

  @Test
  void manyBytesHaveTheJdksDigest() throws Exception {
    byte[] bytes = Files.readAllBytes(file((int) Sha256.CHILD_FROM + 3, 13));

    assertThat(Sha256.of(bytes)).isEqualTo(model(bytes));
  }

  @Test
  void aLargeFileHasTheJdksDigest() throws Exception {
    Path file = file((int) Sha256.CHILD_FROM + 1, 11);

    assertThat(Sha256.of(file)).isEqualTo(model(Files.readAllBytes(file)));
  }

  @Test
  void aMissingFileIsAnError() throws Exception {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> Sha256.of(missing)).isInstanceOf(NoSuchFileException.class);
    assertThat(Sha256.inFastJvm(missing)).isEmpty();
  }

  @Test
  void theSecondJvmHaltsWhenItsParentIsGone() throws Exception {
    // A FIFO nobody writes to: opening it blocks the hash for ever.
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes =
        Path.of(Sha256.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    Process parent =
        new ProcessBuilder(
                List.of(
                    "sh",
                    "-c",
                    "\"$0\" -XX:-UsePerfData -cp \"$1\" dev.parity.files.Sha256 \"$2\" & wait",
                    java,
                    classes,
                    fifo.toString()))
            .start();
    ProcessHandle child =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> parent.children().findFirst().orElse(null), c -> c != null);
    try {
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(child::isAlive);

      parent.destroyForcibly().waitFor();

      await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
    } finally {
      child.destroyForcibly();
    }
  }
}
