package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Survivors;
import dev.parity.testing.TempSuite;
import dev.parity.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the real CLI leaves none of the programs it started running, neither a {@code
 * start:} server nor a command run with the processes it detached, and the next parity deletes the
 * killed one's temporary folders. Processes are found by a unique number in their argv.
 */
@Timeout(300)
class KillTests {
  @TempDir Path root;

  @Test
  void killingParityWithSigkillLeavesNoServerAndNoRunningProgram() throws Exception {
    Survivors.requireLauncher();
    String marker = Survivors.marker();
    TempSuite web =
        TempSuite.in(root, "web")
            .suiteYaml(
                "name: web\nlegacy:\n  start: [sh, -c, 'setsid -f sleep "
                    + marker
                    + "; exec sleep "
                    + marker
                    + "']\n  env: {PORT: '{port}'}\n  startTimeout: 5m\n"
                    + "candidate:\n  url: http://127.0.0.1:9\ncases:\n  - id: a\n    request: {path: /}\n");
    TempSuite commands =
        TempSuite.in(root, "commands")
            .suiteYaml(
                "name: commands\nlegacy:\n  command: [sh, -c, 'setsid -f sleep "
                    + marker
                    + "; setsid sh -c \"sleep "
                    + marker
                    + " &\"; sleep "
                    + marker
                    + "']\ncandidate:\n  command: [true]\ndefaults:\n  timeout: 5m\ncases:\n  - id: a\n");

    Process server = parity("compare", web.folder().toString());
    Process command = parity("record", commands.folder().toString());
    List<Process> killed = List.of(server, command);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      // The server (2 sleeps, one detached) and the command (3 sleeps, two detached).
      Survivors.awaitSleeping(marker, 5);
      // Checked while they live: once they are dead, any parity starting here may clean them.
      assertThat(folders(tmp, killed)).as("folders of the running parity").isNotEmpty();
    } finally {
      for (Process parity : killed) {
        parity.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
      }
    }

    Survivors.awaitSleeping(marker, 0);
    Process next = parity("record", trueSuite("quick", "a").folder().toString());
    assertThat(next.waitFor()).isZero();
    assertThat(folders(tmp, killed)).as("folders after the next parity started").isEmpty();
  }

  @Test
  void aParityThatEndsLeavesNoFolderOfItsOwnBehind() throws Exception {
    Process parity = parity("record", trueSuite("tidy", "a", "b", "c").folder().toString());

    assertThat(parity.waitFor()).isZero();
    // Its run folders, kept for later runs, and its status folder on /dev/shm go with it.
    assertThat(folders(Path.of(System.getProperty("java.io.tmpdir")), List.of(parity))).isEmpty();
    if (Files.isDirectory(Path.of("/dev/shm"))) {
      assertThat(folders(Path.of("/dev/shm"), List.of(parity))).isEmpty();
    }
  }

  /** A suite whose cases {@code ids} run {@code true} on both sides. */
  private TempSuite trueSuite(String name, String... ids) {
    StringBuilder cases = new StringBuilder();
    for (String id : ids) {
      cases.append("  - id: ").append(id).append('\n');
    }
    return TempSuite.in(root, name)
        .suiteYaml(
            "name: "
                + name
                + "\nlegacy:\n  command: [true]\ncandidate:\n  command: [true]\ncases:\n"
                + cases);
  }

  private Process parity(String... args) throws IOException {
    List<String> command = ParityJvm.command(args);
    command.addAll(List.of("--out", root.resolve("out-" + args[0]).toString()));
    return ParityJvm.process(command)
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(Files.createTempFile(root, "parity", ".log").toFile())
        .start();
  }

  private static List<String> folders(Path tmp, List<Process> owners) throws IOException {
    return Trees.ownedBy(tmp, owners.stream().map(Process::pid).toList());
  }
}
