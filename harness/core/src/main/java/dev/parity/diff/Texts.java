package dev.parity.diff;

import java.util.ArrayList;
import java.util.List;

/** Splitting decoded text into lines for line diffs (decoding is {@code run.StreamContent}). */
public final class Texts {
  /** Marks, like GNU diff, a last line that has no newline. */
  public static final String NO_NEWLINE = "\\ No newline at end of file";

  private Texts() {}

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
