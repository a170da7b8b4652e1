package dev.parity.redact;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies a line-local rewrite only to the lines that may need it.
 *
 * <p>The built-in secret patterns never match across a newline and need a keyword (a header name,
 * {@code token}, {@code secret}...) in the line they match. Running their regexes over a 45 MB
 * output took seconds (a look-behind tried at every position); looking for the keywords first and
 * running the regexes on the few lines that have one gives the same text in a single scan.
 */
final class Lines {
  private Lines() {}

  /**
   * {@code text} with {@code rewrite} applied to each line that contains {@code separator} and one
   * of {@code keywords} (ASCII case-insensitively; the keywords lower-case).
   */
  static String rewrite(
      String text, char separator, List<String> keywords, UnaryOperator<String> rewrite) {
    if (text.indexOf(separator) < 0) {
      return text;
    }
    boolean[] first = new boolean[128];
    for (String keyword : keywords) {
      char c = keyword.charAt(0);
      if (c < 128) {
        first[Character.toLowerCase(c)] = true;
        first[Character.toUpperCase(c)] = true;
      }
    }
    StringBuilder out = null;
    int last = 0;
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      int at = text.indexOf(separator, start);
      if (at < 0) {
        break;
      }
      if (at < end && hasKeyword(text, start, end, keywords, first)) {
        String line = text.substring(start, end);
        String rewritten = rewrite.apply(line);
        if (!rewritten.equals(line)) {
          if (out == null) {
            out = new StringBuilder(text.length() + 64);
          }
          out.append(text, last, start).append(rewritten);
          last = end;
        }
      }
      start = newline < 0 ? text.length() : newline + 1;
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /**
   * Whether a keyword is in [from, to); {@code first} marks the ASCII characters they start with.
   */
  private static boolean hasKeyword(
      String text, int from, int to, List<String> keywords, boolean[] first) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      // The patterns ignore case in ASCII only; other characters take the full comparison.
      if (c < 128 && !first[c]) {
        continue;
      }
      for (String keyword : keywords) {
        if (i + keyword.length() <= to
            && text.regionMatches(true, i, keyword, 0, keyword.length())) {
          return true;
        }
      }
    }
    return false;
  }
}
