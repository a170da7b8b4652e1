package dev.parity.maven;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * A writer that hands each complete line to the build log, so that what parity prints appears in
 * Maven's output line by line, at the right level; it remembers the last non-empty line.
 */
final class LogWriter extends Writer {
  private final Consumer<String> log;
  private final StringBuilder line = new StringBuilder();
  private String last = "";

  LogWriter(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void emit() {
    String text = line.toString();
    line.setLength(0);
    log.accept(text);
    if (!text.isBlank()) {
      last = text;
    }
  }

  @Override
  public synchronized void flush() {}

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
  }

  /** The last non-empty line written. */
  synchronized String last() {
    return last;
  }
}
