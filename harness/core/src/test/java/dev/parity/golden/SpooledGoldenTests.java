package dev.parity.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.files.Sha256;
import dev.parity.run.Observation;
import dev.parity.run.Spool;
import dev.parity.run.Spooled;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden streams kept on disk (over the in-memory limit, here 1,000 bytes), and large ones in
 * memory, are stored with the SHA-256 of their bytes and checked against it when read, whichever
 * JVM hashes them ({@link Sha256}: a second one from {@link Sha256#CHILD_FROM} bytes on).
 */
class SpooledGoldenTests {
  private static final int SMALL = 5000;
  private static final int LARGE = (int) Sha256.CHILD_FROM + 4097;

  @TempDir Path dir;

  @BeforeEach
  void smallLimit() {
    System.setProperty(Spool.LIMIT_PROPERTY, "1000");
  }

  @AfterEach
  void defaultLimit() {
    System.clearProperty(Spool.LIMIT_PROPERTY);
  }

  private Observation spooled(byte[] stdout) throws Exception {
    Path file = Files.write(dir.resolve("spooled-stdout"), stdout);
    return new Observation(
        new TreeMap<>(Map.of("exitCode", "0")),
        new TreeMap<>(),
        new TreeMap<>(Map.of("stdout", new Spooled(file, stdout.length))),
        Duration.ZERO);
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {SMALL, LARGE})
  void aStreamOnDiskIsStoredWithItsDigestAndReadBackWhole(int size) throws Exception {
    byte[] stdout = bytes(size);
    GoldenStore store = new GoldenStore(dir.resolve("golden"));

    store.write("big", spooled(stdout), false);

    assertThat(dir.resolve("golden/big/meta.yaml"))
        .content()
        .contains(
            "stdout: "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stdout)));
    Observation read = store.read("big").orElseThrow();
    assertThat(read.spooled()).containsOnlyKeys("stdout");
    assertThat(Files.readAllBytes(read.spooled().get("stdout").file())).isEqualTo(stdout);
  }

  @Test
  void aLargeStreamInMemoryIsStoredWithItsDigestAndAChangedByteIsADamagedGolden() throws Exception {
    System.clearProperty(Spool.LIMIT_PROPERTY);
    byte[] stdout = bytes(LARGE);
    GoldenStore store = new GoldenStore(dir.resolve("golden"));
    Observation inMemory =
        new Observation(
            new TreeMap<>(Map.of("exitCode", "0")),
            new TreeMap<>(Map.of("stdout", stdout)),
            new TreeMap<>(),
            Duration.ZERO);

    store.write("big", inMemory, false);

    assertThat(dir.resolve("golden/big/meta.yaml"))
        .content()
        .contains(
            "stdout: "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stdout)));
    assertThat(store.read("big").orElseThrow().streams().get("stdout")).isEqualTo(stdout);
    Path stored = dir.resolve("golden/big/stdout");
    stdout[LARGE - 1] ^= 1;
    Files.write(stored, stdout);
    assertThatThrownBy(() -> store.read("big"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("does not match the checksum");
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {SMALL, LARGE})
  void aStreamOnDiskChangedByOneByteIsADamagedGolden(int size) throws Exception {
    GoldenStore store = new GoldenStore(dir.resolve("golden"));
    store.write("big", spooled(bytes(size)), false);
    Path stored = dir.resolve("golden/big/stdout");
    try (RandomAccessFile file = new RandomAccessFile(stored.toFile(), "rw")) {
      file.seek(size / 2);
      int b = file.read();
      file.seek(size / 2);
      file.write(b ^ 1);
    }

    assertThatThrownBy(() -> store.read("big"))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining("does not match the checksum");
  }
}
