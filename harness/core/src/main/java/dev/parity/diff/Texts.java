package dev.parity.diff;

import dev.parity.run.StreamContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decoding stream bytes for display and line diffs. */
public final class Texts {
  /** Marks, like GNU diff, a last line that has no newline. */
  public static final String NO_NEWLINE = "\\ No newline at end of file";

  private Texts() {}

  /** The bytes as strict UTF-8, or empty if they are not valid UTF-8. */
  public static Optional<String> strictUtf8(byte[] bytes) {
    return StreamContent.strictUtf8(bytes);
  }

  /** UTF-8 with U+FFFD for every invalid sequence. */
  public static String lenientUtf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Binary means a NUL byte in the first 8 KiB, as git and GNU diff decide. */
  public static boolean looksBinary(byte[] bytes) {
    return StreamContent.looksBinary(bytes);
  }

  /**
   * Splits on {@code \n}; a last line without newline carries {@link #NO_NEWLINE} on a line of its
   * own, so that "same text, missing final newline" still shows as a difference.
   */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.add(text.substring(start, i));
      start = i + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start) + "\n" + NO_NEWLINE);
    }
    return lines;
  }
}
