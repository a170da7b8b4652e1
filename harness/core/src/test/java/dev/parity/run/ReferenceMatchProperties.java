package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * {@link ReferenceMatch} against the obvious model, {@code Arrays.equals} of the stream's bytes
 * with the reference's at the same offsets, for writes longer than the piece it reads the file in
 * (the bytes a stream held in memory arrive in blocks of megabytes when it crosses the limit), and
 * for a reference file that no longer holds what its size says.
 */
class ReferenceMatchProperties {
  private static final int PIECE = SpoolingPumps.READ_SIZE;

  private Path file;

  @AfterTry
  void delete() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  private Spooled reference(byte[] bytes) throws IOException {
    file = Files.createTempFile("reference", ".spool");
    Files.write(file, bytes);
    return new Spooled(file, bytes.length);
  }

  @Property(tries = 60)
  void aWriteOfSeveralPiecesMatchesExactlyWhenEveryByteIsTheReferences(
      @ForAll @IntRange(min = 0, max = 3) int before,
      @ForAll @IntRange(min = 1, max = 3 * PIECE + 100) int length,
      @ForAll @IntRange(min = -1, max = 3 * PIECE + 99) int changedAt,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    int start = before * 1000;
    byte[] all = new byte[start + length + 50];
    random.nextBytes(all);
    byte[] stream = Arrays.copyOfRange(all, start, start + length);
    boolean changed = changedAt >= 0 && changedAt < length;
    if (changed) {
      stream[changedAt] ^= (byte) (1 + random.nextInt(255));
    }
    try (ReferenceMatch match = ReferenceMatch.open(reference(all)).orElseThrow()) {
      // The bytes before, matched first in small writes, as a pump's.
      for (int at = 0; at < start; at += 1000) {
        assertThat(match.next(all, at, 1000)).isTrue();
      }

      boolean same = match.next(stream, 0, length);

      assertThat(same).isEqualTo(!changed);
      assertThat(match.matched()).isEqualTo(same ? start + length : start);
    }
  }

  @Property(tries = 20)
  void aReferenceFileShorterThanItsSizeIsNeverMatchedPastItsEnd(
      @ForAll @IntRange(min = 1, max = 2 * PIECE) int kept, @ForAll long seed) throws IOException {
    byte[] all = new byte[2 * PIECE + 10];
    new Random(seed).nextBytes(all);
    Spooled reference = reference(all);
    try (ReferenceMatch match = ReferenceMatch.open(reference).orElseThrow()) {
      // The file loses its end after the run (a disk cleaner, another process): what is no longer
      // there cannot be compared, so it never counts as equal.
      try (FileChannel shrink = FileChannel.open(file, StandardOpenOption.WRITE)) {
        shrink.truncate(kept);
      }

      assertThat(match.next(all, 0, all.length)).isFalse();
    }
  }

  /**
   * The line feeds of the matched bytes are counted from the reference's file when a stream that is
   * not the whole reference asks for its prefix, not by the pump as it compares (issue 13, ninth
   * pass): as many as the model counts in the stream's bytes before the first difference, however
   * the stream was written and wherever it differs; a file that lost them is an error, not a count.
   */
  @Property(tries = 60)
  void thePrefixHoldsTheLineFeedsOfTheMatchedBytes(
      @ForAll @IntRange(min = 1, max = 2 * StreamBytes.BLOCK + 100) int length,
      @ForAll @IntRange(min = 0, max = 2 * StreamBytes.BLOCK + 99) int changedAt,
      @ForAll @IntRange(min = 1, max = 3 * PIECE) int write,
      @ForAll long seed)
      throws IOException {
    Random random = new Random(seed);
    byte[] all = new byte[length];
    for (int i = 0; i < length; i++) {
      all[i] = (byte) "ab\n\n=".charAt(random.nextInt(5));
    }
    int at = Math.min(changedAt, length - 1);
    byte[] stream = all.clone();
    stream[at] = (byte) (stream[at] == '\n' ? 'x' : '\n');
    Spooled reference = reference(all);
    try (ReferenceMatch match = ReferenceMatch.open(reference).orElseThrow()) {
      for (int from = 0; from < length; from += write) {
        if (!match.next(stream, from, Math.min(write, length - from))) {
          break;
        }
      }
      long model = 0;
      for (int i = 0; i < match.matched(); i++) {
        model += all[i] == '\n' ? 1 : 0;
      }

      Spooled.Prefix prefix = match.prefix();

      assertThat(match.matched()).isEqualTo(at / write * (long) write);
      assertThat(prefix.length()).isEqualTo(match.matched());
      assertThat(prefix.lineFeeds()).isEqualTo(model);
      if (match.matched() > 0) {
        try (FileChannel shrink = FileChannel.open(file, StandardOpenOption.WRITE)) {
          shrink.truncate(match.matched() - 1);
        }
        assertThatThrownBy(match::prefix).isInstanceOf(IOException.class);
      }
    }
  }

  @Property(tries = 5)
  void aClosedMatchMatchesNothing(@ForAll long seed) throws IOException {
    byte[] all = new byte[100];
    new Random(seed).nextBytes(all);
    ReferenceMatch match = ReferenceMatch.open(reference(all)).orElseThrow();
    match.close();

    assertThat(match.next(all, 0, all.length)).isFalse();
    assertThat(match.matched()).isZero();
  }
}
