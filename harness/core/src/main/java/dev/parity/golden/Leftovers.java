package dev.parity.golden;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a crashed record left in a golden folder, made right before the next record writes: swaps
 * are completed or undone ({@link CaseSwap#finish}), and the temporary files of older versions
 * ({@code .stdout.123.tmp}) deleted. Also refuses a golden folder that holds a symbolic link.
 */
final class Leftovers {
  /** A temporary file beside a case's own files (older versions wrote one per stream). */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp");

  /**
   * A temporary file among a case's output files, as Files.createTempFile named them; output files
   * may be called anything, so only unlisted ones of exactly this shape are deleted.
   */
  private static final Pattern OUTPUT_TEMPORARY = Pattern.compile("\\..+\\.\\d+\\.tmp");

  private Leftovers() {}

  /**
   * Refuses links, then cleans {@code root}.
   *
   * @param listed the stream files (relative to the case folder) a case folder's meta.yaml lists,
   *     or empty when it cannot be read (then its output files are left alone)
   */
  static void clean(Path root, String meta, Function<Path, Optional<Set<String>>> listed)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    refuseLinks(root);
    cleanFolder(root, meta, listed);
  }

  private static void refuseLinks(Path root) throws IOException {
    Path real = root.toRealPath();
    Files.walkFileTree(
        real,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink()) {
              throw CaseSwap.symlink(root.resolve(real.relativize(file)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void cleanFolder(
      Path folder, String meta, Function<Path, Optional<Set<String>>> listed) throws IOException {
    for (Path entry : entries(folder)) {
      if (entry.getFileName().toString().startsWith(".")) {
        CaseSwap.finish(entry, meta);
      }
    }
    boolean caseFolder = Files.isRegularFile(folder.resolve(meta), LinkOption.NOFOLLOW_LINKS);
    for (Path entry : entries(folder)) {
      String name = entry.getFileName().toString();
      boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
      if (name.startsWith(".")) {
        if (!directory && TEMPORARY.matcher(name).matches()) {
          Files.deleteIfExists(entry);
        }
      } else if (directory && caseFolder && name.equals(CaseSwap.FILES)) {
        Optional<Set<String>> files = listed.apply(folder);
        if (files.isPresent()) {
          cleanOutputs(folder, entry, files.get());
        }
      } else if (directory) {
        cleanFolder(entry, meta, listed);
      }
    }
  }

  private static void cleanOutputs(Path caseFolder, Path outputs, Set<String> listed)
      throws IOException {
    List<Path> stale = new ArrayList<>();
    Files.walkFileTree(
        outputs,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String relative = caseFolder.relativize(file).toString().replace('\\', '/');
            if (attrs.isRegularFile()
                && OUTPUT_TEMPORARY.matcher(file.getFileName().toString()).matches()
                && !listed.contains(relative)) {
              stale.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    for (Path file : stale) {
      Files.deleteIfExists(file);
    }
  }

  private static List<Path> entries(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entries::add);
    }
    return entries;
  }

  /**
   * Whether a segment of the case's folder is missing because a swap has moved it away (right now
   * in another process, or before a crash).
   */
  static boolean beingReplaced(Path folder, String caseId) {
    Path current = folder;
    try {
      for (String segment : caseId.split("/")) {
        Path next = current.resolve(segment);
        if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
          return CaseSwap.swapping(current, segment);
        }
        current = next;
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
