package dev.parity.run;

import java.io.IOException;
import java.io.OutputStream;
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
 * <p>The spool is written through direct buffers of 1 MiB straight to a file channel, by a thread
 * of its own ({@link SpoolWriter}): a {@code BufferedOutputStream} over {@code
 * Files.newOutputStream} copied every byte twice more (into its own buffer, then into the channel's
 * temporary direct buffer) before the kernel's copy, and the pump waited for each of those copies.
 *
 * <p>Given a {@link Reference} stream, the stream past the limit is compared with it instead of
 * spooled, as long as it is the same ({@link ReferenceMatch}): an output equal to legacy's writes
 * nothing (issue 13, docs/benchmarks.md, seventh pass).
 */
final class SpoolingBuffer extends OutputStream {
  static final int FILE_BUFFER = 1 << 20;

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
  private final @Nullable Spooled reference;
  private @Nullable ReferenceMatch matching;
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
    this(limit, files, scan, fileBuffer, null);
  }

  /**
   * The same, comparing the stream past the limit with {@code reference} (see {@link Reference})
   * instead of spooling it, as long as it is the same: a stream that is the reference ends as the
   * reference itself, with no file written and nothing shown to {@code scan}; any other is spooled
   * whole, every byte shown to {@code scan} in order, as without a reference.
   */
  SpoolingBuffer(
      long limit, FileMaker files, OutputScan scan, int fileBuffer, @Nullable Spooled reference) {
    this.limit = limit;
    this.files = files;
    this.scan = scan;
    this.fileBuffer = fileBuffer;
    this.reference = reference;
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
      if (held != null) {
        memory = null;
        if (!startMatching(held)) {
          spool(held::writeTo);
        }
      }
      ReferenceMatch same = matching;
      if (same != null) {
        if (same.next(b, off, len)) {
          return;
        }
        matching = null;
        try (same) {
          spool(same::replay);
        }
      }
      SpoolWriter to = Objects.requireNonNull(out, "spooling");
      // Scanned here, on the pump's thread, while the writer's thread copies the bytes before.
      scan.accept(b, off, len);
      to.write(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Whether the stream's first bytes, {@code held}, are its reference's: compared from there. */
  private boolean startMatching(BoundedBuffer held) throws IOException {
    Optional<ReferenceMatch> opened =
        reference == null ? Optional.empty() : ReferenceMatch.open(reference);
    if (opened.isEmpty()) {
      return false;
    }
    ReferenceMatch same = opened.get();
    boolean[] equal = {true};
    held.writeTo((bytes, from, length) -> equal[0] = equal[0] && same.next(bytes, from, length));
    if (!equal[0]) {
      same.close();
      return false;
    }
    matching = same;
    return true;
  }

  /** The bytes before the current write, handed to a sink in order. */
  private interface Earlier {
    void writeTo(BoundedBuffer.Sink sink) throws IOException;
  }

  /** Starts the spool file with the {@code earlier} bytes, each shown to the scan first. */
  private void spool(Earlier earlier) throws IOException {
    Path spool = files.newFile();
    SpoolWriter to =
        new SpoolWriter(
            FileChannel.open(
                spool,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            fileBuffer);
    file = spool;
    out = to;
    earlier.writeTo(
        (bytes, from, length) -> {
          scan.accept(bytes, from, length);
          to.write(bytes, from, length);
        });
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
    ReferenceMatch same = matching;
    if (same != null) {
      matching = null;
      try (same) {
        Optional<Spooled> whole = same.whole();
        if (whole.isPresent() && failure == null) {
          return whole;
        }
        // Shorter than the reference: spooled whole, as without one.
        spool(same::replay);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
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
      ReferenceMatch same = matching;
      matching = null;
      if (same != null) {
        same.close();
      }
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
