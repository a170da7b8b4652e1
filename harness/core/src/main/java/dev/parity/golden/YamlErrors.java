package dev.parity.golden;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * How a {@code meta.yaml}, {@code accepted.yaml} or {@code pending.yaml} that cannot be read is
 * reported: at {@code file:line:column}, on one line, as the suite's own YAML errors are.
 */
final class YamlErrors {
  private YamlErrors() {}

  /** {@code file:line:column} of the problem, or {@code file} when its place is unknown. */
  static String where(Path file, IOException e) {
    JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
    if (at == null || at.getLineNr() < 1) {
      return file.toString();
    }
    return file + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /**
   * What is wrong, without the parser's excerpts of the file and the place it already gave (the
   * parser's message spans several lines).
   */
  static String problem(IOException e) {
    String text =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return String.valueOf(text)
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining(", "));
  }
}
