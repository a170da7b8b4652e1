package dev.parity.cli.review;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal a review runs in (JLine): keys read one at a time in raw mode, screens drawn with or
 * without colors, lines typed for a prompt. Closing it restores the terminal as it was.
 */
public final class ReviewTerminal implements Prompter, AutoCloseable {
  /** Escape, and what an escape sequence (an arrow key, a function key) is read as. */
  public static final int ESCAPE = 27;

  private static final long SEQUENCE_WAIT_MS = 50;

  private final Terminal terminal;
  private final Attributes saved;
  private final boolean color;

  private ReviewTerminal(Terminal terminal, boolean color) {
    this.terminal = terminal;
    this.color = color;
    this.saved = terminal.enterRawMode();
    // Ctrl-C arrives as a key (code 3) that quits the review cleanly, restoring the terminal; the
    // accept or reject already done stays done.
    Attributes raw = terminal.getAttributes();
    raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    terminal.setAttributes(raw);
  }

  /**
   * The system terminal in raw mode, or empty when there is none a review can use (output
   * redirected, a dumb terminal).
   *
   * @param color whether screens are drawn in colors ({@code false} when {@code NO_COLOR} is set)
   */
  public static Optional<ReviewTerminal> open(boolean color) throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    String type = terminal.getType();
    if (Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type)) {
      terminal.close();
      return Optional.empty();
    }
    return Optional.of(new ReviewTerminal(terminal, color));
  }

  /** Columns and rows; 0 when the terminal does not say. */
  public Size size() {
    return terminal.getSize();
  }

  /** Clears the screen and draws {@code lines}. */
  public void draw(List<AttributedString> lines) {
    terminal.puts(Capability.clear_screen);
    PrintWriter out = terminal.writer();
    for (AttributedString line : lines) {
      out.print(color ? line.toAnsi(terminal) : line.toString());
      out.print("\r\n");
    }
    out.flush();
  }

  /** Writes {@code text} on a line of its own, e.g. the last words before closing. */
  public void say(String text) {
    terminal.writer().print(text + "\r\n");
    terminal.writer().flush();
  }

  /**
   * The next key: its character, {@link #ESCAPE} for Escape or a whole escape sequence, {@code -1}
   * when the terminal is gone.
   */
  public int readKey() throws IOException {
    NonBlockingReader reader = terminal.reader();
    int key = reader.read();
    if (key == ESCAPE) {
      skipSequence(reader);
    }
    return key;
  }

  /**
   * Consumes the rest of an escape sequence, so that an arrow key ({@code ESC [ A}) is never read
   * as the keys {@code [} and {@code A}.
   */
  private static void skipSequence(NonBlockingReader reader) throws IOException {
    int next = reader.peek(SEQUENCE_WAIT_MS);
    if (next != '[' && next != 'O') {
      return;
    }
    reader.read();
    if (next == 'O') {
      reader.read(SEQUENCE_WAIT_MS);
      return;
    }
    // CSI: parameter and intermediate bytes, then one final byte in @..~.
    for (int c = reader.read(SEQUENCE_WAIT_MS); c >= 0; c = reader.read(SEQUENCE_WAIT_MS)) {
      if (c >= '@' && c <= '~') {
        return;
      }
    }
  }

  @Override
  public Optional<String> ask(String question) throws IOException {
    PrintWriter out = terminal.writer();
    out.print(question);
    out.flush();
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = terminal.reader().read();
      if (c == '\r' || c == '\n') {
        out.print("\r\n");
        out.flush();
        return Optional.of(line.toString().strip());
      }
      if (c < 0 || c == ReviewSession.CTRL_C || c == ESCAPE) {
        out.print("\r\n");
        out.flush();
        return Optional.empty();
      }
      if (c == 127 || c == '\b') {
        if (line.length() > 0) {
          line.setLength(line.length() - 1);
          out.print("\b \b");
        }
      } else if (c >= ' ') {
        line.append((char) c);
        out.print((char) c);
      }
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      terminal.setAttributes(saved);
    } finally {
      terminal.close();
    }
  }
}
