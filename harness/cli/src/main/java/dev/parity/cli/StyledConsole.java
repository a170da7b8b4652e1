package dev.parity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * A console stream: everything printed goes through {@link ConsoleText}'s escaper, and {@link
 * #print(PrintWriter, Style, String)} adds color around Parity's own words (FAIL, the decision)
 * when the console shows color: on a terminal, never in a pipe or a file, never with {@code
 * NO_COLOR} set (https://no-color.org). The color codes go straight to the console, past the
 * escaper, so a program's output can still never color or move anything.
 */
final class StyledConsole extends PrintWriter {
  /** What Parity colors. */
  enum Style {
    PLAIN(""),
    FAILED("\u001b[1;31m"),
    PASSED("\u001b[1;32m"),
    NOTED("\u001b[33m"),
    REMOVED("\u001b[31m"),
    ADDED("\u001b[32m");

    private final String code;

    Style(String code) {
      this.code = code;
    }
  }

  private static final String RESET = "\u001b[0m";

  private final Writer raw;
  private final boolean color;

  StyledConsole(Writer raw, boolean color) {
    super(ConsoleText.writer(raw), true);
    this.raw = raw;
    this.color = color;
  }

  /**
   * Whether a console shows color: never when {@code NO_COLOR} is set to anything, always when
   * {@code CLICOLOR_FORCE} is set to anything but 0, otherwise on a {@code terminal} whose {@code
   * TERM} is not {@code dumb}.
   */
  static boolean colorFor(Map<String, String> env, boolean terminal) {
    if (!env.getOrDefault("NO_COLOR", "").isEmpty()) {
      return false;
    }
    String force = env.getOrDefault("CLICOLOR_FORCE", "");
    if (!force.isEmpty() && !force.equals("0")) {
      return true;
    }
    return terminal && !"dumb".equals(env.get("TERM"));
  }

  /** Whether standard output (and input) is a terminal: see {@link Terminals}. */
  static boolean stdoutIsTerminal() {
    return Terminals.interactive().isPresent();
  }

  /** Prints {@code text}, escaped, in {@code style} when {@code out} is a console with color. */
  static void print(PrintWriter out, Style style, String text) {
    if (out instanceof StyledConsole console && console.color && style != Style.PLAIN) {
      console.styled(style, text);
    } else {
      out.print(text);
    }
  }

  private void styled(Style style, String text) {
    flush();
    try {
      raw.write(style.code);
      raw.flush();
      print(text);
      flush();
      raw.write(RESET);
      raw.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
