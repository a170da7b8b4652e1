package dev.parity.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Private temporary folders of runs and servers, named {@code parity-<pid>-<kind>-*} after the
 * process that owns them, so that the folders of a Parity that died (kill -9) are found and deleted
 * by the next one.
 */
final class Workdirs {
  private static final long PID = ProcessHandle.current().pid();
  private static final Pattern OWNED =
      Pattern.compile("parity-(\\d+)-(?:run|server|spool|status)-.+");

  static {
    deleteStale(Path.of(System.getProperty("java.io.tmpdir")));
  }

  private Workdirs() {}

  /** A new empty folder only this user can enter, e.g. {@code /tmp/parity-4242-run-123}. */
  static Path create(String kind) throws IOException {
    return Files.createTempDirectory("parity-" + PID + "-" + kind + "-");
  }

  /** The same in {@code parent} instead of the JVM's temporary folder. */
  static Path create(Path parent, String kind) throws IOException {
    return Files.createTempDirectory(parent, "parity-" + PID + "-" + kind + "-");
  }

  /** Deletes the folders in {@code tmp} whose owning process is no longer running. */
  static void deleteStale(Path tmp) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "parity-*-*-*")) {
      for (Path entry : entries) {
        Matcher owned = OWNED.matcher(entry.getFileName().toString());
        if (owned.matches() && !running(owned.group(1))) {
          deleteQuietly(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning is a courtesy; a leftover folder does not change any result.
    }
  }

  private static boolean running(String pid) {
    try {
      long owner = Long.parseLong(pid);
      return owner == PID || ProcessHandle.of(owner).isPresent();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Deletes a folder and its content without following symbolic links. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A leftover temporary folder is harmless; the next run deletes it.
    }
  }

  /**
   * Deletes a folder that usually holds only {@code entries} (files or empty folders): those and
   * the folder are deleted directly, and only when that fails (a run left files behind) is the
   * folder walked. The walk stats every entry, most of the clean-up of a trivial run (issue 13).
   */
  static void deleteQuietly(Path dir, List<String> entries) {
    try {
      for (String entry : entries) {
        Files.deleteIfExists(dir.resolve(entry));
      }
      Files.delete(dir);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(dir);
    }
  }
}
