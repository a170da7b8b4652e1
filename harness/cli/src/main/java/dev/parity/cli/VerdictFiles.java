package dev.parity.cli;

import dev.parity.fixture.ConfigException;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a verdict.json that an earlier run wrote and a command was given ({@code report}, {@code
 * merge}, {@code --timings}): a missing or unreadable one is a {@link ConfigException} in the
 * caller's words, since only the caller knows what the user should give instead.
 */
final class VerdictFiles {
  private VerdictFiles() {}

  /**
   * The verdict in {@code file}; {@code missing} is the message when there is no such file, and
   * {@code unreadable} makes the message from the first line of what made it unreadable.
   */
  static Verdict read(Path file, String missing, Function<String, String> unreadable) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file, missing);
    }
    try {
      return VerdictJson.read(file);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file, unreadable.apply(firstLine(e.getMessage())));
    }
  }

  /**
   * The verdict.json of a run's output folder, with what to tell the user when it is not there.
   *
   * @param name what the folder is, e.g. "output folder"
   * @param noFolder what to do when the folder does not exist
   * @param noFile what to do when the folder holds no verdict.json
   * @param unreadable what to do when the verdict.json cannot be read
   */
  record InFolder(String name, String noFolder, String noFile, String unreadable) {
    Verdict read(Path folder) {
      if (!Files.isDirectory(folder)) {
        throw new ConfigException(folder, name + " [" + folder + "] does not exist; " + noFolder);
      }
      return VerdictFiles.read(
          folder.resolve(VerdictJson.FILE),
          "no " + VerdictJson.FILE + " in [" + folder + "]; " + noFile,
          problem -> "unreadable verdict [" + problem + "]; " + unreadable);
    }
  }

  private static String firstLine(@Nullable String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
