package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTextTests {
  @TempDir Path temp;

  @Test
  void aValueOnOneLineShowsEveryControlCharacter() {
    assertThat(ConsoleText.line("a\u001b[31mred\u0007\r\n\tb\u009b\u202e\u007f"))
        .isEqualTo("a\\x1b[31mred\\x07\\r\\n\\tb\\u009b\\u202e\\x7f");
    assertThat(ConsoleText.line("plain text, é ü 日本")).isEqualTo("plain text, é ü 日本");
  }

  @Test
  void programOutputCannotDriveTheTerminalOrFakeALine() throws Exception {
    Path suite =
        escapingSuite(temp, "printf \"\\033]0;pwned\\007\\033[2J\\rDecision: candidate\\t!\\n\"");

    Cli run = Cli.run("compare", suite.toString(), "--out", temp.resolve("out").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .doesNotContain("\u001b", "\u0007", "\r")
        .contains("+\\x1b]0;pwned\\x07\\x1b[2J\\rDecision: candidate\\t!")
        .contains("Decision: legacy");
    assertThat(run.out().lines()).doesNotContain("Decision: candidate");
  }

  /**
   * A one-case suite in {@code temp}/esc whose legacy prints "ok" and whose candidate runs {@code
   * candidate} in sh: output meant to drive a terminal.
   */
  static Path escapingSuite(Path temp, String candidate) throws Exception {
    Path suite = Files.createDirectories(temp.resolve("esc"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: esc",
            "legacy:",
            "  command: [sh, -c, 'echo ok']",
            "candidate:",
            "  command: [sh, -c, '" + candidate + "']",
            "cases:",
            "  - id: a",
            ""));
    return suite;
  }

  @Test
  void errorMessagesAreEscapedToo() throws Exception {
    Cli run = Cli.run("compare", temp.resolve("no\u001b[2Jsuch").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\u001b").contains("no\\x1b[2Jsuch");
  }
}
