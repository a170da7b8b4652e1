package dev.parity.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to read a golden, an accepted difference or a pending result through a symbolic link
 * below the folder it is kept in ({@code golden/<suite>}, {@code <out>/pending}), as writing them
 * does ({@link CaseSwap}): a linked case folder, stream file or output file could hold anything,
 * even what the candidate itself wrote, and verify would compare the candidate with itself. The
 * folder itself may be a link (goldens kept on another disk).
 */
final class NoLinks {
  private NoLinks() {}

  /**
   * Checks every segment of {@code path} below {@code root}, {@code path} included.
   *
   * @throws GoldenException naming the first link found (it stops the run)
   */
  static void refuse(Path root, Path path) {
    Path current = root;
    for (Path segment : root.relativize(path)) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        throw GoldenException.linked(current, target(current));
      }
    }
  }

  private static String target(Path link) {
    try {
      return String.valueOf(Files.readSymbolicLink(link));
    } catch (IOException e) {
      return "?";
    }
  }
}
