package dev.parity.diff;

import java.util.AbstractList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Long lines as a diff shows them: cut to {@link StreamDiff#MAX_LINE_CHARS} around where they first
 * differ, with the number of characters left out on each side said in brackets. Only the display is
 * cut; the comparison has already used every byte.
 */
public final class LongLines {
  /** Characters shown before the first difference of a cut line. */
  private static final int BEFORE = 256;

  private LongLines() {}

  /** {@code lines} as shown, cut lazily (the list is only read for context lines). */
  static List<String> cut(List<String> lines) {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return cut(lines.get(index), null);
      }

      @Override
      public int size() {
        return lines.size();
      }
    };
  }

  /**
   * {@code line} if short; else a window of it around its first difference from {@code other} (from
   * its start when there is no counterpart), e.g. {@code [1048320 chars cut] ...abc... [58720000
   * chars cut]}.
   */
  static String cut(String line, @Nullable String other) {
    if (line.length() <= StreamDiff.MAX_LINE_CHARS) {
      return line;
    }
    String marker = "\n" + Texts.NO_NEWLINE;
    String body = line.endsWith(marker) ? line.substring(0, line.length() - marker.length()) : line;
    String tail = body.length() == line.length() ? "" : marker;
    int first = other == null ? 0 : firstDifference(body, other);
    int from = Math.max(0, Math.min(first - BEFORE, body.length() - StreamDiff.MAX_LINE_CHARS));
    int to = Math.min(body.length(), from + StreamDiff.MAX_LINE_CHARS);
    if (from > 0 && Character.isLowSurrogate(body.charAt(from))) {
      from++;
    }
    if (to < body.length() && Character.isLowSurrogate(body.charAt(to))) {
      to--;
    }
    return (from > 0 ? "[" + from + " chars cut]" : "")
        + body.substring(from, to)
        + (to < body.length() ? "[" + (body.length() - to) + " chars cut]" : "")
        + tail;
  }

  private static int firstDifference(String a, String b) {
    int max = Math.min(a.length(), b.length());
    for (int i = 0; i < max; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return max;
  }

  /** The UTF-8 length of {@code text} without encoding it. */
  public static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
