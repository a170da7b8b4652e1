package dev.parity.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Folder trees for tests: a committed demo's goldens, a suite recorded once per test class. */
public final class Trees {
  private Trees() {}

  /**
   * Copies the tree {@code from} into {@code to} (created as needed), keeping file modes and times:
   * a copied script stays executable.
   *
   * @return {@code to}
   */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  /** The regular files below {@code folder}, as sorted paths relative to it. */
  public static List<String> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /**
   * The names in {@code folder} (the temporary folder, /dev/shm) of what the Parity processes
   * {@code pids} own there: {@code parity-<pid>-*}; none where the folder does not exist.
   */
  public static List<String> ownedBy(Path folder, List<Long> pids) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> pids.stream().anyMatch(pid -> name.startsWith("parity-" + pid + "-")))
          .toList();
    }
  }
}
