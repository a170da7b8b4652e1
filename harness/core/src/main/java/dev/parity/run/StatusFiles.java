package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Where the launcher writes a run's status file: a private folder ({@code
 * /dev/shm/parity-<pid>-status-*}, mode 0700) on the memory file system where there is one, one
 * file a run, deleted after it. Creating a file was, on the ext4 of the machines Parity is measured
 * on, a fifth of a millisecond or more, most of what is left of a trivial case's file system cost
 * once run folders are used again ({@link RunFolders}); on tmpfs it is a few microseconds. A status
 * file holds one line. Where {@code /dev/shm} is not a tmpfs Parity can write in, the status file
 * stays in the run folder, as before.
 *
 * <p>The folder is deleted when the JVM ends if it is empty. A run still in flight then keeps its
 * status file, which the exit hook that kills running launchers may still read, and so the folder:
 * the next Parity deletes it, as it deletes the run folders of a Parity that is gone ({@link
 * Workdirs#deleteStale}).
 *
 * <p>A program that deletes its own run folder no longer takes its launcher's status with it.
 */
final class StatusFiles {
  private static final Path SHARED_MEMORY = Path.of("/dev/shm");
  private static final AtomicLong RUNS = new AtomicLong();
  private static @Nullable Optional<Path> folder;

  private StatusFiles() {}

  /** A new status file's path for one run, empty where there is no memory file system. */
  static Optional<Path> next() {
    return folder().map(dir -> dir.resolve(Long.toString(RUNS.incrementAndGet())));
  }

  private static synchronized Optional<Path> folder() {
    if (folder == null) {
      folder = create();
    }
    return folder;
  }

  /** Deletes this JVM's status folder if it has one and no run is in flight. */
  static synchronized void deleteIfEmpty() {
    if (folder == null || folder.isEmpty()) {
      return;
    }
    try {
      Files.deleteIfExists(folder.get());
    } catch (IOException e) {
      // Not empty: a run was in flight; the next Parity deletes it.
    }
  }

  private static Optional<Path> create() {
    try {
      if (!Files.isDirectory(SHARED_MEMORY)
          || !"tmpfs".equals(Files.getFileStore(SHARED_MEMORY).type())) {
        return Optional.empty();
      }
      Workdirs.deleteStale(SHARED_MEMORY);
      Path dir = Workdirs.create(SHARED_MEMORY, "status");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(StatusFiles::deleteIfEmpty, "parity-status-files"));
      return Optional.of(dir);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
