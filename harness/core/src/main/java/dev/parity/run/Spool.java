package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where streams larger than the in-memory limit go while their case runs: one private temporary
 * folder per case ({@code parity-<pid>-spool-*}, so a killed Parity's folders are deleted by the
 * next one, see {@link Workdirs}), deleted by {@link #release} once the case's result, goldens and
 * stored observations are written.
 */
public final class Spool {
  /** The system property that lowers or raises the in-memory limit, in bytes (tests, tuning). */
  public static final String LIMIT_PROPERTY = "parity.output.memoryLimit";

  /** Streams above this many bytes are kept on disk instead of in memory: 64 MiB. */
  public static final long DEFAULT_MEMORY_LIMIT = 64L * 1024 * 1024;

  private static final Map<String, Path> FOLDERS = new HashMap<>();

  /** Makes the spool files of a run: {@link Spool#newFile} (tests give a disk that is full). */
  public interface Allocator {
    Path newFile(String caseId, String stream) throws IOException;
  }

  static {
    // Commands outside a run (review, accept) read large goldens too: their spools go at exit.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  synchronized (FOLDERS) {
                    FOLDERS.values().forEach(Workdirs::deleteQuietly);
                  }
                },
                "parity-spool-cleanup"));
  }

  private Spool() {}

  /** The in-memory limit: {@link #LIMIT_PROPERTY} when set to a positive number, else 64 MiB. */
  public static long memoryLimit() {
    String set = System.getProperty(LIMIT_PROPERTY);
    if (set != null) {
      try {
        long limit = Long.parseLong(set.strip());
        if (limit > 0) {
          return limit;
        }
      } catch (NumberFormatException e) {
        // Not a number: the default applies, as for an unset property.
      }
    }
    return DEFAULT_MEMORY_LIMIT;
  }

  /** A new empty file in the spool folder of {@code caseId}; its name shows {@code stream}. */
  public static Path newFile(String caseId, String stream) throws IOException {
    Path folder;
    synchronized (FOLDERS) {
      folder = FOLDERS.get(caseId);
      if (folder == null) {
        folder = Workdirs.create("spool");
        FOLDERS.put(caseId, folder);
      }
    }
    String safe = stream.replaceAll("[^A-Za-z0-9._-]", "_");
    return Files.createTempFile(folder, safe.length() > 40 ? safe.substring(0, 40) : safe, "");
  }

  /** Deletes the spool files of {@code caseId}; its observations must no longer be read. */
  public static void release(String caseId) {
    Path folder;
    synchronized (FOLDERS) {
      folder = FOLDERS.remove(caseId);
    }
    if (folder != null) {
      SpooledPairs.forget(folder);
      Workdirs.deleteQuietly(folder);
    }
  }
}
