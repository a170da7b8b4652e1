package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stream too large to hold in memory, kept byte for byte in a file on disk: a spool file of the
 * run (deleted when its case is done, see {@link Spool}) or a link to a golden's stream file.
 *
 * <p>A stream that was compared with its {@link Reference} as it arrived and differed late has a
 * {@link Prefix}: its first bytes are the reference's (they were compared equal), and its own file
 * holds only the rest, at the same offsets (the prefix's offsets are a hole, never written). Its
 * bytes are read through {@link #open()} and {@link #transferTo}, never from {@link #file()} alone
 * (issue 13, docs/benchmarks.md, eighth pass: a 1 GiB prefix is not copied after the program ends).
 *
 * @param file where the bytes are (past the prefix, when there is one)
 * @param size how many bytes
 * @param prefix the first bytes, when they are another stream's
 */
public record Spooled(Path file, long size, @Nullable Prefix prefix) {
  /**
   * The first {@code length} bytes of a stream, which are those of {@code of}.
   *
   * @param of the stream whose first bytes they are
   * @param length how many
   * @param lineFeeds how many line feeds they hold (counted once, when the stream ended, so that
   *     the line of a difference past them needs no second read of them)
   */
  public record Prefix(Spooled of, long length, long lineFeeds) {
    public Prefix {
      Objects.requireNonNull(of, "of");
      if (length < 0 || length > of.size()) {
        throw new IllegalArgumentException("prefix of " + length + " bytes of " + of);
      }
      if (lineFeeds < 0 || lineFeeds > length) {
        throw new IllegalArgumentException(lineFeeds + " line feeds in " + length + " bytes");
      }
    }
  }

  public Spooled {
    Objects.requireNonNull(file, "file");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    if (prefix != null && prefix.length() > size) {
      throw new IllegalArgumentException("prefix longer than the stream: " + prefix);
    }
  }

  /** A stream whose bytes are all in {@code file}. */
  public Spooled(Path file, long size) {
    this(file, size, null);
  }

  /** The bytes, from the first. */
  public InputStream open() throws IOException {
    Prefix first = prefix;
    if (first == null) {
      return Files.newInputStream(file);
    }
    return new SplicedInput(first.of().open(), first.length(), file, size);
  }

  /**
   * Writes the first {@code bytes} bytes to {@code target} at its position, copied in the kernel.
   *
   * @throws IOException when a file cannot be read (or ends early) or the target written
   */
  public void transferTo(long bytes, FileChannel target) throws IOException {
    long from = 0;
    Prefix first = prefix;
    if (first != null) {
      from = Math.min(bytes, first.length());
      first.of().transferTo(from, target);
    }
    if (from >= bytes) {
      return;
    }
    try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
      while (from < bytes) {
        long n = source.transferTo(from, bytes - from, target);
        if (n <= 0) {
          throw new IOException(file + " ended before byte " + bytes);
        }
        from += n;
      }
    }
  }
}
