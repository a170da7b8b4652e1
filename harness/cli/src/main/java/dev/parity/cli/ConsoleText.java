package dev.parity.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one escaper for console output: control characters from programs, suites and files are shown
 * in a visible form ({@code \x1b}, {@code \r}, {@code \u202e}) so that output cannot move the
 * cursor, recolor, hide or rewrite lines, set the window title, or fake log lines in a CI log (ANSI
 * CSI and OSC sequences, carriage returns, bidirectional overrides).
 *
 * <p>{@link #writer} is installed around the console streams and keeps newlines and tabs, which
 * Parity itself writes; {@link #line} is for one value printed on one line and escapes newlines and
 * tabs too, so that a value never starts a line of its own.
 */
public final class ConsoleText {
  private ConsoleText() {}

  /** {@code value} on one line: every control character escaped, newlines and tabs included. */
  public static String line(String value) {
    return escape(value, false);
  }

  /** Wraps a console stream so that nothing written through it carries a control character. */
  static Writer writer(Writer console) {
    return new FilterWriter(console) {
      @Override
      public void write(int c) throws IOException {
        out.write(escape(String.valueOf((char) c), true));
      }

      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        out.write(escape(new String(chars, offset, length), true));
      }

      @Override
      public void write(String text, int offset, int length) throws IOException {
        out.write(escape(text.substring(offset, offset + length), true));
      }
    };
  }

  private static String escape(String value, boolean keepLayout) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String visible = visible(c, keepLayout);
      if (visible != null && out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      if (out != null) {
        if (visible != null) {
          out.append(visible);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  /** The visible form of a control character, or null when {@code c} prints as itself. */
  private static @Nullable String visible(char c, boolean keepLayout) {
    switch (c) {
      case '\n':
        return keepLayout ? null : "\\n";
      case '\t':
        return keepLayout ? null : "\\t";
      case '\r':
        return "\\r";
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
      return String.format(Locale.ROOT, "\\x%02x", (int) c);
    }
    boolean c1 = c >= 0x80 && c <= 0x9f;
    boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    return c1 || bidi ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
  }
}
