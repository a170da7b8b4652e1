package dev.parity.redact;

import dev.parity.run.Spooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Redacts a stream kept on disk in pieces of whole lines (about 1 MiB each), so memory stays
 * bounded whatever its size. Every rule of {@link Redactor} but a suite's {@code redact:} regex
 * works within a line, so pieces of whole lines redact as the whole text would; a line longer than
 * 8 MiB is cut into 8 MiB pieces. The redacted copy is written beside the original, only once a
 * piece changes; until then nothing is written.
 */
final class SpooledRedaction {
  static final int PIECE = 1 << 20;
  static final int LONGEST_PIECE = 8 << 20;

  private SpooledRedaction() {}

  /** {@code stream} redacted; the same object when no secret was found. */
  static Spooled apply(Redactor redactor, Spooled stream) throws IOException {
    Path copy = null;
    OutputStream out = null;
    long offset = 0;
    long written = 0;
    byte[] buffer = new byte[PIECE];
    int length = 0;
    int wanted = PIECE;
    try (InputStream in = stream.open()) {
      while (true) {
        length += in.readNBytes(buffer, length, wanted - length);
        boolean end = length < wanted;
        if (end && length == 0) {
          break;
        }
        int cut = end ? length : lastLineEnd(buffer, length);
        if (cut == 0) {
          if (wanted < LONGEST_PIECE) {
            wanted = Math.min(LONGEST_PIECE, wanted * 2);
            buffer = Arrays.copyOf(buffer, wanted);
            continue;
          }
          cut = length;
        }
        // Only a piece a rule could change is copied out of the buffer (the usual piece is not).
        byte @Nullable [] redacted = null;
        if (redactor.mayChange(buffer, cut)) {
          byte[] piece = Arrays.copyOf(buffer, cut);
          byte[] changed = redactor.bytes(piece);
          redacted = changed == piece ? null : changed;
        }
        if (out == null && redacted != null) {
          copy = Files.createTempFile(stream.file().getParent(), "redacted", "");
          written = copyPrefix(stream, offset, copy);
          out = Files.newOutputStream(copy, StandardOpenOption.APPEND);
        }
        if (out != null) {
          out.write(
              redacted == null ? buffer : redacted, 0, redacted == null ? cut : redacted.length);
          written += redacted == null ? cut : redacted.length;
        }
        offset += cut;
        System.arraycopy(buffer, cut, buffer, 0, length - cut);
        length -= cut;
        if (end && length == 0) {
          break;
        }
        wanted = Math.max(wanted, length + 1);
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
    return copy == null ? stream : new Spooled(copy, written);
  }

  /** Copies the first {@code bytes} of {@code from}, which needed no redaction, to {@code to}. */
  private static long copyPrefix(Spooled from, long bytes, Path to) throws IOException {
    try (FileChannel target = FileChannel.open(to, StandardOpenOption.WRITE)) {
      from.transferTo(bytes, target);
      return bytes;
    }
  }

  /** The length of the longest prefix ending with a line feed, or 0. */
  private static int lastLineEnd(byte[] buffer, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }
}
