package dev.parity.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A stream compared, as it arrives, with the file of its {@link Reference}, instead of being
 * written to a spool file: while every byte is the reference's next, the stream's bytes are the
 * reference's first {@link #matched()} bytes, so nothing of them needs keeping. When the whole
 * reference was matched and the stream ends there, the stream <em>is</em> the reference; anywhere
 * else (a byte differs, the stream is longer or shorter, the file cannot be read), its owner spools
 * the rest as usual from the matched length on, and the stream's first bytes stay the reference's
 * ({@link #prefix()}): nothing is copied (issue 13, docs/benchmarks.md, eighth pass).
 *
 * <p>Spool files are not changed once written, and the reference belongs to the same case as the
 * stream, deleted with it ({@link Spool#release}).
 */
final class ReferenceMatch implements AutoCloseable {
  private static final int PIECE = SpoolingPumps.READ_SIZE;

  private final Spooled reference;
  private final FileChannel file;
  private final ByteBuffer expected = ByteBuffer.allocateDirect(PIECE);
  private long matched;

  private ReferenceMatch(Spooled reference, FileChannel file) {
    this.reference = reference;
    this.file = file;
  }

  /**
   * Starts comparing with {@code reference}; empty when its file cannot be opened, or when its
   * first bytes are another stream's ({@link Spooled.Prefix}): its file alone does not hold them,
   * and a match against the hole where they would be is no match.
   */
  static Optional<ReferenceMatch> open(Spooled reference) {
    if (reference.prefix() != null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ReferenceMatch(
              reference, FileChannel.open(reference.file(), StandardOpenOption.READ)));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the next {@code length} bytes of the stream are the reference's next ones; when they
   * are, they count as matched. False when the stream differs somewhere in them, would be longer
   * than the reference, or the file could not be read: the stream must then be spooled.
   */
  boolean next(byte[] bytes, int offset, int length) {
    if (length > reference.size() - matched) {
      return false;
    }
    try {
      int done = 0;
      while (done < length) {
        int n = Math.min(PIECE, length - done);
        expected.clear().limit(n);
        while (expected.hasRemaining()) {
          if (file.read(expected, matched + done + expected.position()) < 0) {
            return false;
          }
        }
        expected.flip();
        if (expected.mismatch(ByteBuffer.wrap(bytes, offset + done, n)) >= 0) {
          return false;
        }
        done += n;
      }
    } catch (IOException e) {
      return false;
    }
    matched += length;
    return true;
  }

  /** How many bytes of the stream so far are the reference's first ones. */
  long matched() {
    return matched;
  }

  /** The reference, when the stream so far is all of it. */
  Optional<Spooled> whole() {
    return matched == reference.size() ? Optional.of(reference) : Optional.empty();
  }

  /**
   * The stream's first bytes, which are the reference's: the {@link #matched()} ones, with the line
   * feeds they hold, counted now from the reference's file. Only a stream that is not the whole
   * reference asks: the pump no longer counts every matched byte as it compares, which was a third
   * of a passing candidate's run, the pump's thread being the busiest of it (issue 13,
   * docs/benchmarks.md, ninth pass).
   *
   * @throws IOException when the reference's file can no longer be read to its matched length
   */
  Spooled.Prefix prefix() throws IOException {
    return new Spooled.Prefix(reference, matched, FileLineFeeds.count(reference.file(), matched));
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      // Only read: nothing was lost.
    }
  }
}
