package dev.parity.files;

import java.io.IOException;
import java.nio.ByteBuffer;
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

/**
 * Writes that are all or nothing: a temporary file beside the target, flushed, then renamed over
 * it.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] content) throws IOException {
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "not a file: " + target);
    Files.createDirectories(dir);
    Path temporary = writeTemporary(dir, target.getFileName().toString(), content);
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
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /**
   * A new hidden file beside the target holding {@code content}. Not Files.createTempFile: it
   * forces mode 0600, which the renamed file would keep whatever the umask says.
   */
  private static Path writeTemporary(Path dir, String name, byte[] content) throws IOException {
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
      try {
        writeNew(candidate, content);
        return candidate;
      } catch (FileAlreadyExistsException taken) {
        // Another writer drew the same name: draw again.
      } catch (IOException e) {
        // A full disk, say: leave no half-written temporary behind.
        Files.deleteIfExists(candidate);
        throw e;
      }
    }
  }
}
