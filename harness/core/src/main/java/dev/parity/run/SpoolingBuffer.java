package dev.parity.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects a stream in memory up to a limit and, past it, in a spool file on disk, so that an
 * output of any size is kept whole. When the disk fails (full), the rest is read and dropped, so
 * the program is not blocked, and {@link #finish()} reports the failure with the size reached.
 *
 * <p>The spool is written through direct buffers of 1 MiB straight to a file channel, by a thread
 * of its own ({@link SpoolWriter}): a {@code BufferedOutputStream} over {@code
 * Files.newOutputStream} copied every byte twice more (into its own buffer, then into the channel's
 * temporary direct buffer) before the kernel's copy, and the pump waited for each of those copies.
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
  private final OutputScan scan;
  private final int fileBuffer;
  private @Nullable SpoolWriter out;
  private long count;
  private @Nullable IOException failure;
  private boolean finished;

  SpoolingBuffer(long limit, FileMaker files) {
    this(limit, files, OutputScan.NoScan.INSTANCE);
  }

  /** The same, showing {@code scan} every byte once the stream passes the limit, from the first. */
  SpoolingBuffer(long limit, FileMaker files, OutputScan scan) {
    this(limit, files, scan, FILE_BUFFER);
  }

  /**
   * The same, writing the spool through buffers of {@code fileBuffer} bytes (tests: small ones).
   */
  SpoolingBuffer(long limit, FileMaker files, OutputScan scan, int fileBuffer) {
    this.limit = limit;
    this.files = files;
    this.scan = scan;
    this.fileBuffer = fileBuffer;
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
      SpoolWriter to = out;
      if (to == null || held != null) {
        Path spool = files.newFile();
        to =
            new SpoolWriter(
                FileChannel.open(
                    spool,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING),
                fileBuffer);
        file = spool;
        out = to;
        memory = null;
        if (held != null) {
          SpoolWriter spooling = to;
          held.writeTo(
              (bytes, from, length) -> {
                scan.accept(bytes, from, length);
                spooling.write(bytes, from, length);
              });
        }
      }
      // Scanned here, on the pump's thread, while the writer's thread copies the bytes before.
      scan.accept(b, off, len);
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
    SpoolWriter to = out;
    if (to != null) {
      try {
        to.finish();
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

  /**
   * Ends the stream and its spool writer, if it has not been finished (a run that timed out): the
   * writer's thread must not wait for ever for buffers that will not come.
   */
  @Override
  public synchronized void close() {
    if (!finished) {
      try {
        finish();
      } catch (IOException e) {
        // Nobody reads this stream any more: what failed does not matter.
      }
    }
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
