package dev.parity.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects a stream in memory up to a limit and, past it, in a spool file on disk, so that an
 * output of any size is kept whole. When the disk fails (full), the rest is read and dropped, so
 * the program is not blocked, and {@link #finish()} reports the failure with the size reached.
 *
 * <p>The spool is written through one direct buffer of 1 MiB straight to a file channel: a {@code
 * BufferedOutputStream} over {@code Files.newOutputStream} copied every byte twice more (into its
 * own buffer, then into the channel's temporary direct buffer) before the kernel's copy.
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
  private @Nullable FileChannel out;
  private @Nullable ByteBuffer pending;
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
      FileChannel to = out;
      ByteBuffer buffer = pending;
      if (to == null || buffer == null || held != null) {
        Path spool = files.newFile();
        to =
            FileChannel.open(
                spool,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        buffer = ByteBuffer.allocateDirect(FILE_BUFFER);
        file = spool;
        out = to;
        pending = buffer;
        memory = null;
        if (held != null) {
          held.writeTo(this::spill);
        }
      }
      spill(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Copies bytes into the direct buffer, writing it to the spool file each time it is full. */
  private void spill(byte[] b, int off, int len) throws IOException {
    FileChannel to = Objects.requireNonNull(out);
    ByteBuffer buffer = Objects.requireNonNull(pending);
    while (len > 0) {
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        drain(to, buffer);
      }
    }
  }

  private static void drain(FileChannel to, ByteBuffer buffer) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      to.write(buffer);
    }
    buffer.clear();
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
    FileChannel to = out;
    ByteBuffer buffer = pending;
    if (to != null) {
      try (to) {
        if (failure == null && buffer != null) {
          drain(to, buffer);
        }
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
      pending = null;
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
