package dev.parity.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a run writes its reports into ({@code --out}). Parity replaces its files there on
 * every run (index.html, junit.xml, summary.md, verdict.json, observations/, allure-results/), so
 * it writes only into a folder that is new, empty, or already Parity's: one holding its marker file
 * {@value #MARKER} (written when a folder is first claimed) or the {@code verdict.json} or {@code
 * bench.json} of a run from before the marker existed. Anything else ({@code --out .} in a project,
 * a folder where another tool keeps its Allure results) is refused before anything is run or
 * written.
 */
public final class OutputFolder {
  /** The file that marks a folder as Parity's output folder. */
  public static final String MARKER = ".parity-output";

  private static final List<String> EARLIER_RUNS = List.of("verdict.json", "bench.json");
  private static final int NAMES_SHOWN = 5;

  private OutputFolder() {}

  /**
   * Thrown for an output folder that holds other files than Parity's; the message says what to do.
   */
  public static final class ForeignFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    ForeignFolderException(String message) {
      super(message);
    }
  }

  /**
   * Makes {@code folder} Parity's output folder: creates it when missing and marks it; throws
   * {@link ForeignFolderException} when it holds files and nothing of Parity's.
   */
  public static void claim(Path folder) throws IOException {
    if (!owned(folder)) {
      throw new ForeignFolderException(
          "["
              + folder
              + "] is not empty and holds no Parity reports (it holds "
              + shown(folder)
              + "); Parity replaces index.html, junit.xml, summary.md, verdict.json, observations/"
              + " and allure-results/ in its output folder on every run, so it writes only into a"
              + " new or empty folder or one it wrote before: give --out such a folder (e.g."
              + " reports/<suite>)");
    }
    Files.createDirectories(folder);
    try {
      Files.write(
          folder.resolve(MARKER),
          ("This folder holds Parity's reports; Parity replaces them on every run.\n")
              .getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException marked) {
      // Marked by an earlier run (CREATE_NEW never writes through a link left at that name).
    }
  }

  /**
   * True when Parity may replace its reports in {@code folder}: it does not exist (or is not a
   * folder: writing into it fails with its own error), is empty, or is marked as Parity's or holds
   * an earlier run's verdict.json or bench.json.
   */
  public static boolean owned(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return true;
    }
    if (Files.exists(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    for (String name : EARLIER_RUNS) {
      if (Files.isRegularFile(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static String shown(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      List<String> names = entries.map(p -> String.valueOf(p.getFileName())).sorted().toList();
      String first = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
      return names.size() > NAMES_SHOWN
          ? first + " and " + (names.size() - NAMES_SHOWN) + " more"
          : first;
    }
  }
}
