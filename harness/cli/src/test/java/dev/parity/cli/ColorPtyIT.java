package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Color as a user sees it, in real processes: on a pseudo-terminal (util-linux {@code script})
 * Parity colors its verdict; through a pipe, as in CI logs, it prints no escape code at all.
 */
@Timeout(120)
class ColorPtyIT {
  @TempDir Path temp;

  private Path suite() throws Exception {
    Path suite = Files.createDirectories(temp.resolve("colors"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: colors",
            "legacy:",
            "  command: [sh, -c, 'echo legacy']",
            "candidate:",
            "  command: [sh, -c, 'echo candidate']",
            "cases:",
            "  - id: a",
            ""));
    return suite;
  }

  private List<String> parity(Path suite) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "dev.parity.cli.ParityCommand",
        "compare",
        suite.toString(),
        "--out",
        temp.resolve("out").toString());
  }

  private static String run(ProcessBuilder builder) throws Exception {
    builder.environment().remove("CI");
    builder.environment().remove("NO_COLOR");
    builder.environment().remove("CLICOLOR_FORCE");
    builder.environment().put("TERM", "xterm");
    Process process = builder.redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void onAPseudoTerminalTheDecisionIsColored() throws Exception {
    String screen = run(Pty.of(parity(suite())));

    assertThat(screen).contains("Decision: \u001b[1;31mlegacy\u001b[0m");
  }

  @Test
  void throughAPipeThereIsNoEscapeCodeAtAll() throws Exception {
    String piped = run(new ProcessBuilder(parity(suite())));

    assertThat(piped).contains("Decision: legacy").doesNotContain("\u001b");
  }
}
