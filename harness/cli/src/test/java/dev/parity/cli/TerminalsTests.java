package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * JDK 22 to 24 give a console for pipes too; only its {@code isTerminal()} tells. These consoles
 * stand in for the JDK's, which a test cannot make.
 */
class TerminalsTests {
  @Test
  void noConsoleIsNoTerminal() {
    assertThat(Terminals.isTerminal(null)).isFalse();
  }

  @Test
  void aConsoleThatSaysItIsNotATerminalIsNone() {
    assertThat(Terminals.isTerminal(new PipeConsole())).isFalse();
  }

  @Test
  void aConsoleThatSaysItIsATerminalIsOne() {
    assertThat(Terminals.isTerminal(new TerminalConsole())).isTrue();
  }

  @Test
  void aConsoleOfAJdkWithoutIsTerminalExistsOnlyOnATerminal() {
    assertThat(Terminals.isTerminal(new Object())).isTrue();
  }

  @Test
  void aConsoleWhoseAnswerCannotBeReadIsNoTerminal() {
    assertThat(Terminals.isTerminal(new BrokenConsole())).isFalse();
  }

  public static final class PipeConsole {
    public boolean isTerminal() {
      return false;
    }
  }

  public static final class TerminalConsole {
    public boolean isTerminal() {
      return true;
    }
  }

  public static final class BrokenConsole {
    public boolean isTerminal() {
      throw new IllegalStateException("no tty");
    }
  }
}
