package dev.parity.golden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive right to write the goldens of one suite, held by one process at a time: an OS lock
 * on {@code .parity.lock} in the golden folder, a file that holds the holder's pid for the message
 * a second run gets. The OS releases the lock when its process dies, even of kill -9, so a lock
 * file left by a dead process is simply taken over. The file is deleted on release so it never
 * lands in version control.
 *
 * <p>Java's file locks are POSIX record locks: closing <em>any</em> descriptor of the file in this
 * process drops them, which is why one process opens the file once ({@link #HELD}) and {@link
 * #claim} re-takes the lock after reading the file by path.
 */
public final class GoldenLock implements AutoCloseable {
  /** The lock file's name in the golden folder. */
  public static final String FILE = ".parity.lock";

  private static final Duration POLL = Duration.ofMillis(50);

  /** Golden folders locked by this process. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path folder;
  private final Path file;
  private final FileChannel channel;

  private GoldenLock(Path folder, Path file, FileChannel channel) {
    this.folder = folder;
    this.file = file;
    this.channel = channel;
  }

  /**
   * Takes the lock of {@code folder}, waiting up to {@code patience} for another holder to finish.
   *
   * @throws GoldenException when another process (or another store in this one) holds it
   */
  static GoldenLock acquire(Path folder, Duration patience) throws IOException {
    return acquire(folder, patience, "the goldens", "`parity record`");
  }

  /**
   * Like {@link #acquire(Path, Duration)}; the message a second process gets says that {@code what}
   * are being written and to wait until {@code holder} ends.
   */
  static GoldenLock acquire(Path folder, Duration patience, String what, String holder)
      throws IOException {
    Files.createDirectories(folder);
    Path real = folder.toRealPath();
    Path file = folder.resolve(FILE);
    if (Files.isSymbolicLink(file)) {
      throw CaseSwap.symlink(file);
    }
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      if (HELD.add(real)) {
        try {
          FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS);
          if (claim(file, channel)) {
            return new GoldenLock(real, file, channel);
          }
          channel.close();
        } catch (IOException | RuntimeException e) {
          HELD.remove(real);
          throw e;
        }
        HELD.remove(real);
      }
      if (System.nanoTime() - deadline > 0) {
        throw locked(folder, file, what, holder);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw locked(folder, file, what, holder);
      }
    }
  }

  /**
   * Locks the file and writes our pid and a nonce into it, then checks that the path still names
   * the locked file: the previous holder deletes it on release, and a file locked after that would
   * let two processes hold "the" lock. Reading by path drops our lock (see above), so it is taken
   * again, and the nonce must still be there: nobody claimed the file in between.
   */
  private static boolean claim(Path file, FileChannel channel) throws IOException {
    FileLock lock = channel.tryLock();
    if (lock == null) {
      return false;
    }
    String token = ProcessHandle.current().pid() + "\n" + UUID.randomUUID() + "\n";
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
    String atPath;
    try {
      atPath = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException deleted) {
      return false;
    }
    lock.release();
    if (!atPath.equals(token) || channel.tryLock() == null) {
      return false;
    }
    ByteBuffer content = ByteBuffer.allocate(token.length() + 1);
    channel.read(content, 0);
    return new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).equals(token);
  }

  private static GoldenException locked(Path folder, Path file, String what, String by) {
    String holder;
    try {
      holder = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException e) {
      holder = "";
    }
    String who;
    if (holder.equals(String.valueOf(ProcessHandle.current().pid()))) {
      who = "this process (pid " + holder + ")";
    } else if (holder.isBlank()) {
      who = "another process";
    } else {
      who = "another parity process (pid " + holder + ")";
    }
    return new GoldenException(
        folder,
        what + " are being written by " + who + ", which holds the lock file " + file,
        "wait until that "
            + by
            + " ends and run again (the lock is released when its process ends, even if it is"
            + " killed)");
  }

  @Override
  public void close() {
    try {
      // Deleted while still locked, so nobody can lock this file in between and believe it holds
      // the lock (see claim).
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A lock file left behind is taken over by the next run.
    } finally {
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        // The lock goes with the process at the latest.
      } finally {
        HELD.remove(folder);
      }
    }
  }
}
