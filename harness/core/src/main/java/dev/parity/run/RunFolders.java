package dev.parity.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * The folders commands run in: a private run folder ({@code /tmp/parity-<pid>-run-*}) holding the
 * program's working folder {@code work} and the launcher's status file.
 *
 * <p>A run folder is used again by a later run only when nothing tells it from a new one: the run
 * ended with every process of its tree gone (the launcher's own report), and both folders are the
 * very ones created (same inode), with their mode, owner and group, no user extended attribute, and
 * nothing in them but {@code work}. Anything else (a file left behind, a folder replaced or linked,
 * a mode changed) deletes it, as every run folder was before. Creating the two folders was, on the
 * ext4 of the machines Parity is measured on, a third of a millisecond or more per case: most of
 * what the file system cost a trivial case (docs/benchmarks.md, issue 13).
 *
 * <p>What a kept folder does not reset: its time stamps, and an access control list or other
 * non-user extended attributes a program set on its working folder. Kept folders are deleted when
 * the JVM ends.
 */
final class RunFolders {
  /** The program's working folder inside a run folder. */
  static final String WORK = "work";

  /** The launcher's status file inside a run folder. */
  static final String STATUS = "status";

  /** Run folders kept at most: one per concurrent run is enough. */
  static final int KEPT = 32;

  private static final ConcurrentLinkedDeque<Folder> FREE = new ConcurrentLinkedDeque<>();

  private static final String IDENTITY = "unix:dev,ino,mode,uid,gid";
  private static final int TYPE = 0170000;
  private static final int DIRECTORY = 0040000;

  static {
    // The kept folders are deleted when the JVM ends; a folder in use at that moment is its run's
    // to delete, or the next Parity's (Workdirs#deleteStale).
    Runtime.getRuntime().addShutdownHook(new Thread(RunFolders::deleteKept, "parity-run-folders"));
  }

  private RunFolders() {}

  /** Deletes the folders kept for later runs. */
  static void deleteKept() {
    for (Folder folder = FREE.pollFirst(); folder != null; folder = FREE.pollFirst()) {
      delete(folder);
    }
  }

  /**
   * A run folder and how its two folders were when created (their {@code unix:} attributes, or null
   * where the file system has none: then it is never kept).
   */
  static final class Folder {
    private final Path path;
    private final @Nullable Map<String, Object> run;
    private final @Nullable Map<String, Object> work;

    private Folder(
        Path path, @Nullable Map<String, Object> run, @Nullable Map<String, Object> work) {
      this.path = path;
      this.run = run;
      this.work = work;
    }

    /**
     * Whether {@link #work()} is still the folder {@link #take()} created (the same device and
     * inode), and not a link, another folder, or a file put in its place by its program: only then
     * are the files in it the program's outputs. Where the file system cannot tell the inode, a
     * folder that is no link is taken.
     */
    boolean workUnchanged() {
      @Nullable Map<String, Object> created = work;
      @Nullable Map<String, Object> now = attributes(work());
      if (created == null || now == null) {
        return Files.isDirectory(work(), LinkOption.NOFOLLOW_LINKS);
      }
      Object inode = created.get("ino");
      return now.get("mode") instanceof Integer mode
          && (mode & TYPE) == DIRECTORY
          && inode != null
          && inode.equals(now.get("ino"))
          && Objects.equals(created.get("dev"), now.get("dev"));
    }

    Path path() {
      return path;
    }

    Path work() {
      return path.resolve(WORK);
    }

    Path status() {
      return path.resolve(STATUS);
    }
  }

  /** An empty run folder with an empty {@code work}: a kept one, or a new one. */
  static Folder take() throws IOException {
    Folder kept = FREE.pollFirst();
    if (kept != null) {
      return kept;
    }
    Path path = Workdirs.create("run");
    try {
      Path work = Files.createDirectory(path.resolve(WORK));
      return new Folder(path, attributes(path), attributes(work));
    } catch (IOException | RuntimeException e) {
      Workdirs.deleteQuietly(path);
      throw e;
    }
  }

  /**
   * Keeps {@code folder} for a later run when it is as {@link #take()} made it, and deletes it
   * otherwise. Call it only when every process the run started is known to be gone.
   */
  static void giveBack(Folder folder) {
    if (FREE.size() < KEPT && asNew(folder)) {
      FREE.addFirst(folder);
    } else {
      delete(folder);
    }
  }

  /** Deletes {@code folder} and what is in it, without following links. */
  static void delete(Folder folder) {
    Workdirs.deleteQuietly(folder.path(), List.of(WORK, STATUS));
  }

  /** How many run folders are kept now (for tests). */
  static int kept() {
    return FREE.size();
  }

  private static boolean asNew(Folder folder) {
    try {
      Files.deleteIfExists(folder.status());
      return same(folder.run, attributes(folder.path()))
          && same(folder.work, attributes(folder.work()))
          && holdsOnly(folder.path(), WORK)
          && holdsOnly(folder.work(), null)
          && noUserAttributes(folder.work());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The device, inode, mode (type included), owner and group of {@code path} itself; null where the
   * file system cannot tell them. Read as numbers: the owner's name would be a passwd lookup.
   */
  private static @Nullable Map<String, Object> attributes(Path path) {
    try {
      return Files.readAttributes(path, IDENTITY, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean same(
      @Nullable Map<String, Object> created, @Nullable Map<String, Object> now) {
    return created != null
        && now != null
        && created.equals(now)
        && now.get("mode") instanceof Integer mode
        && (mode & TYPE) == DIRECTORY;
  }

  /** Whether {@code folder} holds nothing, or only the entry {@code name}. */
  private static boolean holdsOnly(Path folder, @Nullable String name) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      Iterator<Path> each = entries.iterator();
      if (name == null) {
        return !each.hasNext();
      }
      return each.hasNext() && each.next().getFileName().toString().equals(name) && !each.hasNext();
    }
  }

  private static boolean noUserAttributes(Path folder) throws IOException {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(
            folder, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return view == null || view.list().isEmpty();
  }
}
