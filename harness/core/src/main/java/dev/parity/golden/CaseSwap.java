package dev.parity.golden;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the golden folder of one case as a whole, so a crash at any instruction leaves the old
 * golden or the new one, never a mix. The new golden is written into a hidden sibling {@code
 * .<name>.new-<pid>}; then the old folder is renamed to {@code .<name>.old-<pid>}, the golden
 * folders of nested cases ({@code a/b} lives inside {@code a/}) are moved from it into the new one,
 * the new one is renamed into place and the old one deleted. {@link #finish} completes or undoes a
 * swap that a crash interrupted.
 *
 * <p>No symbolic link is ever followed below the golden folder: every folder on the way is checked,
 * and files are created with {@code CREATE_NEW}, which does not follow a link either.
 */
final class CaseSwap {
  /** The folder of a case's own output files; every other folder in a case folder is a case. */
  static final String FILES = "files";

  private static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.(new|old)-(\\d+)");

  /** Writes a golden's files into a fresh, empty folder. */
  interface Filler {
    void fill(Path folder) throws IOException;
  }

  private CaseSwap() {}

  /**
   * Makes {@code root/<caseId>} hold exactly what {@code filler} writes; {@code complete} is the
   * name of the file written last, which marks a new folder as complete.
   */
  static void replace(Path root, String caseId, String complete, Filler filler) throws IOException {
    replace(root, caseId, complete, Set.of(FILES), filler);
  }

  /**
   * Like {@link #replace(Path, String, String, Filler)} for a folder whose own sub-folders are
   * {@code own} (every other folder in it is a nested case's and is carried over).
   */
  static void replace(Path root, String caseId, String complete, Set<String> own, Filler filler)
      throws IOException {
    Path target = root.resolve(caseId);
    Path parent = folders(root, Objects.requireNonNull(target.getParent()));
    String name = target.getFileName().toString();
    String pid = String.valueOf(ProcessHandle.current().pid());
    Path fresh = parent.resolve("." + name + ".new-" + pid);
    Path old = parent.resolve("." + name + ".old-" + pid);
    if (Files.isSymbolicLink(target)) {
      throw symlink(target);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new GoldenException(
          target, "is not a folder", "move it away; parity keeps a case's golden in a folder");
    }
    deleteTree(fresh);
    deleteTree(old);
    Files.createDirectory(fresh);
    try {
      filler.fill(fresh);
      if (!Files.isRegularFile(fresh.resolve(complete), LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalStateException("a golden must end with " + complete);
      }
      sync(fresh);
    } catch (IOException | RuntimeException e) {
      deleteTree(fresh);
      throw e;
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // The old golden stays; the new one must not stay beside it as a hidden copy.
        deleteTree(fresh);
        throw e;
      }
      try {
        moveNestedCases(old, fresh, own);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Put the old golden back now rather than leave the case without one until the next run.
        moveNestedCases(fresh, old, own);
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(fresh);
        throw e;
      }
      sync(parent);
      deleteTree(old);
    } else {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    }
    sync(parent);
  }

  /**
   * Completes or undoes an interrupted swap of {@code parent/<name>} that left {@code leftover}: a
   * complete new folder whose old one was already moved away goes into place, an old folder whose
   * new one is gone or incomplete goes back, and whatever remains is deleted.
   *
   * @return whether {@code leftover} was a swap's folder (and is now gone)
   */
  static boolean finish(Path leftover, String complete) throws IOException {
    return finish(leftover, complete, Set.of(FILES));
  }

  /** Like {@link #finish(Path, String)} for a folder whose own sub-folders are {@code own}. */
  static boolean finish(Path leftover, String complete, Set<String> own) throws IOException {
    Matcher matcher = LEFTOVER.matcher(leftover.getFileName().toString());
    if (!matcher.matches() || !Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Path parent = Objects.requireNonNull(leftover.getParent());
    Path target = parent.resolve(matcher.group(1));
    Path fresh = parent.resolve("." + matcher.group(1) + ".new-" + matcher.group(3));
    Path old = parent.resolve("." + matcher.group(1) + ".old-" + matcher.group(3));
    boolean oldExists = Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS);
    if (oldExists && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isRegularFile(fresh.resolve(complete), LinkOption.NOFOLLOW_LINKS)) {
        moveNestedCases(old, fresh, own);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } else if (oldExists) {
      // The swap was done but for deleting the old folder; it holds no case (they were moved).
      moveNestedCases(old, target, own);
    }
    deleteTree(old);
    deleteTree(fresh);
    sync(parent);
    return true;
  }

  /** Whether {@code name} in {@code folder} is being swapped (or a swap of it was interrupted). */
  static boolean swapping(Path folder, String name) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        Matcher matcher = LEFTOVER.matcher(entry.getFileName().toString());
        if (matcher.matches() && matcher.group(1).equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Moves every folder of {@code from} but its own ones ({@code files/} of a golden) into {@code
   * to}: those are the folders of nested cases, and a golden's {@code accepted/} folder, which an
   * update keeps. Links are moved as they are, never followed.
   */
  private static void moveNestedCases(Path from, Path to, Set<String> own) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean folderOrLink =
            Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(entry);
        Path destination = to.resolve(name);
        if (folderOrLink
            && !own.contains(name)
            && !Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(entry, destination, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }

  /**
   * Creates the folders from {@code root} down to {@code folder} where missing, refusing any that
   * is a symbolic link or not a folder. {@code root} itself may be a link (a golden folder kept on
   * another disk).
   */
  static Path folders(Path root, Path folder) throws IOException {
    Path current = root;
    for (Path segment : root.relativize(folder)) {
      if (segment.toString().isEmpty()) {
        continue;
      }
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        throw symlink(current);
      }
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new GoldenException(
            current, "is not a folder", "move it away; parity keeps goldens in folders");
      }
    }
    return current;
  }

  static GoldenException symlink(Path link) {
    String target;
    try {
      target = String.valueOf(Files.readSymbolicLink(link));
    } catch (IOException e) {
      target = "?";
    }
    return new GoldenException(
        link,
        "is a symbolic link (to " + target + "); parity never writes goldens through a link",
        "replace it with a real folder or file (e.g. `rm` the link and record again)");
  }

  /** Deletes {@code path} and everything below it, never following a link. */
  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Flushes a folder's entries to disk, so a power cut after a rename keeps it. Best effort: not
   * every system can open a folder for that.
   */
  static void sync(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Renames are still atomic; only their durability across a power cut is not forced.
    }
  }

  /** Whether the file system refused a write for lack of permission. */
  static boolean denied(IOException e) {
    return e instanceof AccessDeniedException
        || (e instanceof FileSystemException f
            && !(e instanceof NoSuchFileException)
            && "Operation not permitted".equals(f.getReason()));
  }

  /** A write refused by the file system, said with the folder and the fix. */
  static GoldenException denied(IOException e, Path root) {
    String file = e instanceof FileSystemException f ? f.getFile() : null;
    Path where = file == null ? root : Path.of(file);
    Path folder = file == null || where.getParent() == null ? where : where.getParent();
    return new GoldenException(
        folder,
        "permission denied: cannot write goldens in this folder (writing "
            + where.getFileName()
            + ")",
        "make the golden folder writable (e.g. `chmod -R u+w "
            + root
            + "`) or record into another folder with --golden DIR");
  }
}
