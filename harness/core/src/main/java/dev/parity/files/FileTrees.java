package dev.parity.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Folder trees copied into one another, as {@code parity merge} gathers its shards' folders. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Copies every file below {@code from} to the same place below {@code to}. A file that is already
   * there is never replaced (two shards claim the same case) and a symbolic link is never copied or
   * followed: both fail the copy, naming the file.
   */
  public static void copyInto(Path from, Path to) throws IOException {
    copyInto(from, to, path -> false);
  }

  /** {@link #copyInto(Path, Path)} without the files {@code skip} accepts. */
  public static void copyInto(Path from, Path to, Predicate<Path> skip) throws IOException {
    if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      if (skip.test(path)) {
        continue;
      }
      Path target = to.resolve(from.relativize(path).toString());
      if (Files.isSymbolicLink(path)) {
        throw new IOException("symbolic link [" + path + "] is not copied; remove it");
      }
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(target);
      } else {
        try {
          Files.copy(path, target, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
          throw new IOException(
              "["
                  + target
                  + "] is already there (copied from another folder) when copying ["
                  + path
                  + "]",
              e);
        }
      }
    }
  }
}
