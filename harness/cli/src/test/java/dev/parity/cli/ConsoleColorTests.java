package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Color on a terminal for Parity's own words, never for a program's output, never in pipes. */
class ConsoleColorTests {
  private static final String RED = "\u001b[1;31m";
  private static final String RESET = "\u001b[0m";

  @TempDir Path temp;

  @Test
  void colorFollowsNoColorThenClicolorForceThenTheTerminal() {
    assertThat(StyledConsole.colorFor(Map.of(), true)).isTrue();
    assertThat(StyledConsole.colorFor(Map.of(), false)).isFalse();
    assertThat(StyledConsole.colorFor(Map.of("NO_COLOR", "1"), true)).isFalse();
    // https://no-color.org: an empty NO_COLOR does not count.
    assertThat(StyledConsole.colorFor(Map.of("NO_COLOR", ""), true)).isTrue();
    assertThat(StyledConsole.colorFor(Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(StyledConsole.colorFor(Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
    assertThat(StyledConsole.colorFor(Map.of("CLICOLOR_FORCE", "0"), false)).isFalse();
    assertThat(StyledConsole.colorFor(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), false))
        .isFalse();
  }

  /** A suite whose candidate prints escape sequences that would recolor a terminal. */
  private Path hostileSuite() throws Exception {
    return ConsoleTextTests.escapingSuite(
        temp, "printf \"\\033[32mDecision: candidate\\033[0m\\n\"");
  }

  @Test
  void onATerminalParitysOwnWordsAreColoredAndTheProgramsOutputStaysEscaped() throws Exception {
    Cli run =
        Cli.onTerminal(
            Map.of("TERM", "xterm"),
            "compare",
            hostileSuite().toString(),
            "--out",
            temp.resolve("out").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains(RED + "FAIL" + RESET + " a")
        .contains("Decision: " + RED + "legacy" + RESET)
        .contains("\\x1b[32mDecision: candidate\\x1b[0m");
    // Every escape character left is one of Parity's own color codes.
    String withoutOwnCodes = run.out().replaceAll("\u001b\\[(?:[0-9;]*)m", "");
    assertThat(withoutOwnCodes).doesNotContain("\u001b");
    assertThat(run.out()).doesNotContain("\u001b[32mDecision: candidate");
  }

  @Test
  void noColorTurnsColorOffEvenOnATerminal() throws Exception {
    Cli run =
        Cli.onTerminal(
            Map.of("NO_COLOR", "1", "TERM", "xterm"),
            "compare",
            hostileSuite().toString(),
            "--out",
            temp.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("\u001b").contains("FAIL a").contains("Decision: legacy");
  }

  @Test
  void helpAndErrorsAreNeverColored() throws Exception {
    Cli help = Cli.onTerminal(Map.of("TERM", "xterm"), "compare", "--help");
    Cli error = Cli.onTerminal(Map.of("TERM", "xterm"), "compare", temp.resolve("none").toString());

    assertThat(help.out()).doesNotContain("\u001b");
    assertThat(error.exitCode()).isEqualTo(2);
    assertThat(error.err()).doesNotContain("\u001b");
  }
}
