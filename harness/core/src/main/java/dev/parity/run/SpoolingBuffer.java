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
  private @Nullable ReferenceMatch prefix;
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
   * reference itself, with no file written; any other is spooled from the bytes it was compared
   * equal up to, which stay the reference's ({@link Spooled.Prefix}: its file holds the rest at the
   * same offsets). {@code scan} is shown every byte in order as it arrives, either way, but for
   * those it can answer for from the reference ({@link OutputScan#skip}).
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
        matching = matching(held);
        if (matching == null || !scan.skip(Objects.requireNonNull(reference), count - len)) {
          held.writeTo(scan::accept);
        }
        if (matching == null) {
          SpoolWriter to = spool(0);
          held.writeTo(to::write);
        }
      }
      ReferenceMatch same = matching;
      if (same != null) {
        if (same.next(b, off, len)) {
          // The reference's bytes: a scan that knows the reference's answers for them unseen.
          if (!scan.skip(Objects.requireNonNull(reference), len)) {
            scan.accept(b, off, len);
          }
          return;
        }
        // The bytes before are the reference's: the spooled stream's prefix, not copied.
        matching = null;
        prefix = same;
        spool(same.matched());
      }
      // Scanned here, on the pump's thread, while the writer's thread copies the bytes before.
      scan.accept(b, off, len);
      Objects.requireNonNull(out, "spooling").write(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  /** The comparison with the reference, when the stream's first bytes, {@code held}, are its. */
  private @Nullable ReferenceMatch matching(BoundedBuffer held) throws IOException {
    Optional<ReferenceMatch> opened =
        reference == null ? Optional.empty() : ReferenceMatch.open(reference);
    if (opened.isEmpty()) {
      return null;
    }
    ReferenceMatch same = opened.get();
    boolean[] equal = {true};
    held.writeTo((bytes, from, length) -> equal[0] = equal[0] && same.next(bytes, from, length));
    if (!equal[0]) {
      same.close();
      return null;
    }
    return same;
  }

  /**
   * Starts the spool file, its next bytes written from byte {@code at} on. The file is not opened
   * with {@code TRUNCATE_EXISTING}: on ext4 a truncated file, even an empty one (as a new spool
   * file is), is written back to disk when it is closed ({@code auto_da_alloc}), which took 0.3 s
   * per GiB of spool on the case's thread and started the disk writes a temporary file need not
   * make (issue 13, docs/benchmarks.md, eighth pass). A file that held bytes is emptied first.
   * Never written through a symbolic link.
   */
  private SpoolWriter spool(long at) throws IOException {
    Path spool = files.newFile();
    FileChannel channel =
        FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.size() > 0) {
        channel.truncate(0);
      }
      channel.position(at);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    SpoolWriter to = new SpoolWriter(channel, fileBuffer);
    file = spool;
    out = to;
    return to;
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
      Optional<Spooled> whole = same.whole();
      if (whole.isPresent() && failure == null) {
        same.close();
        return whole;
      }
      // Shorter than the reference: spooled whole, as without one.
      prefix = same;
      try {
        spool(same.matched());
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
    ReferenceMatch before = prefix;
    prefix = null;
    Spooled.Prefix shared = null;
    if (before != null) {
      before.close();
      try {
        shared = before.prefix();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    IOException failed = failure;
    if (failed != null) {
      throw failed;
    }
    Path spool = file;
    return spool == null ? Optional.empty() : Optional.of(new Spooled(spool, count, shared));
  }

  /**
   * Ends the stream and its spool writer, if it has not been finished (a run that timed out): the
   * writer's thread must not wait for ever for buffers that will not come.
   */
  @Override
  public synchronized void close() {
    if (!finished) {
      for (ReferenceMatch open : new ReferenceMatch[] {matching, prefix}) {
        if (open != null) {
          open.close();
        }
      }
      matching = null;
      prefix = null;
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
