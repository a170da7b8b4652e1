package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Whatever the limit, every byte is kept: in memory within it, in one spool file past it. */
class SpoolingBufferProperties {
  private final List<Path> spools = new ArrayList<>();

  @AfterTry // the properties'
  @AfterEach // the plain tests'
  void deleteSpools() throws IOException {
    for (Path spool : spools) {
      Files.deleteIfExists(spool);
    }
    spools.clear();
  }

  /** A new temporary file, deleted after the try (a try may ask for more than one). */
  private Path newSpool() throws IOException {
    Path spool = Files.createTempFile("spooling-buffer", "");
    spools.add(spool);
    return spool;
  }

  /** In memory within {@code limit}, in the spool file past it: {@code expected}, byte for byte. */
  private static void assertKeptEveryByte(
      SpoolingBuffer buffer, Optional<Spooled> spooled, byte[] expected, int limit)
      throws IOException {
    assertThat(spooled.isPresent()).isEqualTo(expected.length > limit);
    if (spooled.isPresent()) {
      assertThat(spooled.get().size()).isEqualTo(expected.length);
      assertThat(Files.readAllBytes(spooled.get().file())).isEqualTo(expected);
    } else {
      assertThat(buffer.bytes()).isEqualTo(expected);
    }
  }

  @Property(tries = 200)
  void keepsEveryByteInMemoryWithinTheLimitAndOnDiskPastIt(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 20_000) Integer> writes,
      @ForAll @IntRange(min = 1, max = 100_000) int limit)
      throws IOException {
    SpoolingBuffer buffer = new SpoolingBuffer(limit, this::newSpool);
    byte[] expected = WriteSequences.replay(writes, buffer);

    Optional<Spooled> spooled = buffer.finish();

    assertKeptEveryByte(buffer, spooled, expected, limit);
    assertThat(buffer.count()).isEqualTo(expected.length);
  }

  /**
   * The spool's writing thread takes the buffers in order: with buffers of a few bytes, every
   * stream past the limit is handed over many times, and the file is still every byte in order.
   */
  @Property(tries = 200)
  void keepsEveryByteInOrderWhenTheSpoolIsWrittenThroughManySmallBuffers(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5_000) Integer> writes,
      @ForAll @IntRange(min = 1, max = 20_000) int limit,
      @ForAll @IntRange(min = 1, max = 100) int fileBuffer)
      throws IOException {
    SpoolingBuffer buffer =
        new SpoolingBuffer(limit, this::newSpool, OutputScan.NoScan.INSTANCE, fileBuffer);
    byte[] expected = WriteSequences.replay(writes, buffer);

    Optional<Spooled> spooled = buffer.finish();

    assertKeptEveryByte(buffer, spooled, expected, limit);
  }

  /** The scan of a spooled stream sees all of it, in order, the part first held in memory too. */
  @Property(tries = 200)
  void theScanOfASpooledStreamSeesEveryByteInOrder(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5_000) Integer> writes,
      @ForAll @IntRange(min = 1, max = 20_000) int limit)
      throws IOException {
    ByteArrayOutputStream scanned = new ByteArrayOutputStream();
    SpoolingBuffer buffer = new SpoolingBuffer(limit, this::newSpool, scanned::write, 64);
    byte[] expected = WriteSequences.replay(writes, buffer);

    Optional<Spooled> spooled = buffer.finish();

    if (spooled.isPresent()) {
      assertThat(scanned.toByteArray()).isEqualTo(expected);
    } else {
      assertThat(scanned.size()).as("a stream kept in memory is not scanned").isZero();
    }
  }

  @Test
  void aSpoolWriteThatFailsAfterSomeBuffersIsReportedNotDropped() {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "needs /dev/full, whose writes fail with ENOSPC");
    // The kernel's own "No space left on device", on the writing thread, after the first buffers.
    SpoolingBuffer buffer = new SpoolingBuffer(10, () -> full, OutputScan.NoScan.INSTANCE, 16);
    for (int i = 0; i < 100; i++) {
      buffer.write(new byte[7], 0, 7);
    }

    assertThat(buffer.count()).isEqualTo(700);
    assertThatThrownBy(buffer::finish).hasMessageContaining("No space left on device");
  }

  @Test
  void closingAStreamThatWasNotFinishedStopsItsSpoolWriter() {
    SpoolingBuffer buffer = new SpoolingBuffer(10, this::newSpool, OutputScan.NoScan.INSTANCE, 16);
    buffer.write(new byte[100], 0, 100);

    buffer.close();

    // finish() waited for the writing thread's task, which had returned: no thread still waits in
    // it for buffers (a run that timed out does not leave one behind).
    assertThat(Thread.getAllStackTraces().values())
        .noneMatch(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(
                        frame ->
                            frame.getClassName().equals(SpoolWriter.class.getName())
                                && frame.getMethodName().equals("writeAll")));
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

  /**
   * A spool file is opened without truncating it (on ext4, truncating a file, even an empty one,
   * makes its close start writing it back to disk: 0.3 s per GiB of spool): a file that already
   * held bytes still ends as the stream alone.
   */
  @Property(tries = 100)
  void aSpoolFileThatHeldOlderBytesEndsAsTheStreamAlone(
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 5_000) Integer> writes,
      @ForAll @IntRange(min = 1, max = 2_000) int limit,
      @ForAll @IntRange(min = 1, max = 40_000) int older)
      throws IOException {
    Path file = newSpool();
    Files.write(file, new byte[older]);
    SpoolingBuffer buffer = new SpoolingBuffer(limit, () -> file, OutputScan.NoScan.INSTANCE, 64);
    byte[] expected = WriteSequences.replay(writes, buffer);

    Optional<Spooled> spooled = buffer.finish();

    assertKeptEveryByte(buffer, spooled, expected, limit);
  }
}
