package dev.parity.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether Parity talks to a person at a terminal. Up to JDK 21 {@link System#console()} is null
 * unless both standard input and output are a terminal; JDK 22 to 24 return a console for pipes too
 * and say so only in {@code isTerminal()}, which JDK 17 lacks, hence the reflection. What depends
 * on it must not be fooled by a pipe: {@code echo y | parity prune} must not read the pipe as a
 * person's consent.
 */
final class Terminals {
  private Terminals() {}

  /** The console, when standard input and output are both a terminal. */
  static Optional<Console> interactive() {
    return Optional.ofNullable(System.console()).filter(Terminals::isTerminal);
  }

  /**
   * Whether {@code console} is a terminal: false for none; its own {@code isTerminal()} where its
   * JDK has one; true otherwise (before JDK 22 a console exists only on a terminal).
   */
  static boolean isTerminal(@Nullable Object console) {
    if (console == null) {
      return false;
    }
    Method isTerminal;
    try {
      // Looked up on Console, public, not on the JDK's own subclass, whose override is not
      // accessible.
      Class<?> type = console instanceof Console ? Console.class : console.getClass();
      isTerminal = type.getMethod("isTerminal");
    } catch (NoSuchMethodException e) {
      return true;
    }
    try {
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }
}
