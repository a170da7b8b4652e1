package dev.parity.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects a stream in memory up to a limit and, past it, in a spool file on disk, so that an
 * output of any size is kept whole. When the disk fails (full), the rest is read and dropped, so
 * the program is not blocked, and {@link #finish()} reports the failure with the size reached.
 */
final class SpoolingBuffer extends OutputStream {
  private static final int FILE_BUFFER = 1 << 20;

  /** Makes the spool file when the limit is first passed. */
  interface FileMaker {
    Path newFile() throws IOException;
  }

  private final long limit;
  private final FileMaker files;
  private @Nullable BoundedBuffer memory;
  private @Nullable Path file;
  private @Nullable OutputStream out;
  private long count;
  private @Nullable IOException failure;
  private boolean finished;

  SpoolingBuffer(long limit, FileMaker files) {
    this.limit = limit;
    this.files = files;
    this.memory = new BoundedBuffer(limit);
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (finished) {
      return;
    }
    count += len;
    if (failure != null) {
      return;
    }
    BoundedBuffer held = memory;
    if (held != null && count <= limit) {
      held.write(b, off, len);
      return;
    }
    try {
      OutputStream to = out;
      if (to == null || held != null) {
        Path spool = files.newFile();
        to = new BufferedOutputStream(Files.newOutputStream(spool), FILE_BUFFER);
        file = spool;
        out = to;
        if (held != null) {
          held.writeTo(to);
        }
        memory = null;
      }
      to.write(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  /** The spool file, once the limit was passed and it could be made. */
  synchronized Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** How many bytes the stream had so far, kept or not. */
  synchronized long count() {
    return count;
  }

  /**
   * Ends the stream: later writes are dropped.
   *
   * @return the spooled content when the stream passed the limit, else empty ({@link #bytes()})
   * @throws IOException when the spool file could not be written (the disk is full, say)
   */
  synchronized Optional<Spooled> finish() throws IOException {
    finished = true;
    OutputStream to = out;
    if (to != null) {
      try {
        to.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    IOException failed = failure;
    if (failed != null) {
      throw failed;
    }
    Path spool = file;
    return spool == null ? Optional.empty() : Optional.of(new Spooled(spool, count));
  }

  /** The content, when it stayed within the limit. */
  synchronized byte[] bytes() {
    BoundedBuffer held = memory;
    if (held == null) {
      throw new IllegalStateException("spooled to " + file);
    }
    return held.toByteArray();
  }
}
