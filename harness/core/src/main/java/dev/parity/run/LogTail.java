package dev.parity.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines of a log, indented for error reports. */
public final class LogTail {
  public static final int LINES = 20;
  private static final int BYTES = 8 * 1024;

  private LogTail() {}

  /** The last {@link #LINES} lines of {@code text}. */
  public static String of(String text) {
    List<String> lines = Arrays.asList(text.split("\r?\n"));
    return lines.subList(Math.max(0, lines.size() - LINES), lines.size()).stream()
        .filter(line -> !line.isBlank())
        .collect(Collectors.joining("\n"));
  }

  /** The last lines of a file, reading at most its last 8 KiB. */
  static String ofFile(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(0, in.length() - BYTES);
      byte[] bytes = new byte[(int) (in.length() - from)];
      in.seek(from);
      in.readFully(bytes);
      return of(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  /** A sentence to append to an error message: the log tail, or that there was no output. */
  public static String describe(String tail) {
    if (tail.isBlank()) {
      return "; it printed nothing";
    }
    return "; last lines of its output:\n"
        + tail.lines().map(line -> "    | " + line).collect(Collectors.joining("\n"));
  }
}
