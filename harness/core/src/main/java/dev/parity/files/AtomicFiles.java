package dev.parity.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes that are all or nothing: a temporary file beside the target, then renamed over it; flushed
 * to disk first where the data cannot be made again ({@link #write}), not where it can ({@link
 * #replace}: reports, rebuilt by {@code parity report}).
 */
public final class AtomicFiles {
  private static final LongAdder SYNCS = new LongAdder();

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}, flushed to disk before the rename, so that a
   * power cut leaves the old or the new content.
   */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  /**
   * Replaces {@code target} with {@code content} by a rename, without waiting for the disk: readers
   * see the old or the new content, never a mix, but a power cut may lose it. For files derived
   * from others (reports); an fsync costs a few milliseconds on a busy disk.
   */
  public static void replace(Path target, byte[] content) throws IOException {
    write(target, content, false);
  }

  /** What a file is written with, as a stream: a large report in bounded memory. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} by a rename, as {@link #replace(Path, byte[])}, with what {@code
   * content} writes: a failure half-way leaves the earlier file, and a link at {@code target} is
   * replaced, never written through.
   */
  public static void replace(Path target, Content content) throws IOException {
    write(target, content, false);
  }

  /** How many files this process has forced to disk so far (tests check that only goldens are). */
  public static long syncs() {
    return SYNCS.sum();
  }

  private static void write(Path target, byte[] content, boolean sync) throws IOException {
    write(target, out -> out.write(content), sync);
  }

  private static void write(Path target, Content content, boolean sync) throws IOException {
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "not a file: " + target);
    Files.createDirectories(dir);
    Path temporary = writeTemporary(dir, target.getFileName().toString(), content, sync);
    try {
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Creates {@code file}, which must not exist yet (a link in its place is not followed), and
   * writes {@code content} to disk. It gets the default permissions, so the umask applies.
   */
  public static void writeNew(Path file, byte[] content) throws IOException {
    writeNew(file, content, true);
  }

  /** What a new file is written with through its channel, e.g. copied there in the kernel. */
  @FunctionalInterface
  public interface ChannelContent {
    void writeTo(FileChannel channel) throws IOException;
  }

  /**
   * Creates {@code file} like {@link #writeNew(Path, byte[])} with what {@code content} writes to
   * its channel (a stream of any size, copied in the kernel), forcing it to disk only when {@code
   * force} is set: what can be made again (a report, a pending result, which `accept` writes anew
   * as a golden) is left to the page cache (issue 13: only goldens are forced).
   */
  public static void writeNew(Path file, ChannelContent content, boolean force) throws IOException {
    try (FileChannel channel = createNew(file)) {
      content.writeTo(channel);
      if (force) {
        channel.force(true);
        SYNCS.increment();
      }
    }
  }

  /** {@link #writeNew(Path, byte[])}, forcing it to disk only when {@code force} is set. */
  public static void writeNew(Path file, byte[] content, boolean force) throws IOException {
    writeNew(file, channel -> writeAll(channel, ByteBuffer.wrap(content)), force);
  }

  /**
   * A new hidden file beside the target holding {@code content}. Not Files.createTempFile: it
   * forces mode 0600, which the renamed file would keep whatever the umask says.
   */
  private static Path writeTemporary(Path dir, String name, Content content, boolean sync)
      throws IOException {
    while (true) {
      Path candidate =
          dir.resolve(
              "."
                  + name
                  + "."
                  + ProcessHandle.current().pid()
                  + "-"
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try (FileChannel channel = createNew(candidate)) {
        // Unbuffered: a byte[] is written in one call, and a stream's writer buffers its own.
        content.writeTo(Channels.newOutputStream(channel));
        if (sync) {
          channel.force(true);
          SYNCS.increment();
        }
        return candidate;
      } catch (FileAlreadyExistsException taken) {
        // Another writer drew the same name: draw again.
      } catch (IOException | RuntimeException | Error e) {
        // A full disk, or content that failed half-way: leave no half-written temporary behind.
        Files.deleteIfExists(candidate);
        throw e;
      }
    }
  }

  /** Opens {@code file} for writing, created here: never an existing file, nor through a link. */
  private static FileChannel createNew(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
