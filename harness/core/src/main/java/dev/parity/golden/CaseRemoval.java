package dev.parity.golden;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Removes one case's folder below a root (a golden or a pending result) but keeps the folders of
 * nested cases ({@code a/b} lives inside {@code a/}). The file that marks the folder complete goes
 * first, so a crash halfway leaves a folder that is no case any more, never a damaged case. No
 * symbolic link is followed.
 */
final class CaseRemoval {
  private CaseRemoval() {}

  /**
   * Removes {@code root/<caseId>}: its {@code complete} file, its other files and its {@code own}
   * folders; the folder itself and its empty parents up to {@code root} when nothing else is left.
   *
   * @return whether there was a case folder to remove
   */
  static boolean remove(Path root, String caseId, String complete, Set<String> own)
      throws IOException {
    Path target = root.resolve(caseId);
    Path current = root;
    for (Path segment : root.relativize(target)) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        throw CaseSwap.symlink(current);
      }
    }
    if (!Files.isRegularFile(target.resolve(complete), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.delete(target.resolve(complete));
    for (Path entry : entries(target)) {
      boolean folder = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
      if (!folder || own.contains(entry.getFileName().toString())) {
        CaseSwap.deleteTree(entry);
      }
    }
    Path folder = target;
    while (!folder.equals(root) && entries(folder).isEmpty()) {
      Files.delete(folder);
      folder = Objects.requireNonNull(folder.getParent());
    }
    CaseSwap.sync(folder);
    return true;
  }

  private static List<Path> entries(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entries::add);
    }
    return entries;
  }
}
