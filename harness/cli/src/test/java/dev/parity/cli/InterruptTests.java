package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping parity (Ctrl-C, SIGTERM from CI) leaves none of the programs it started behind. */
class InterruptTests {
  @TempDir Path root;

  @Test
  void terminatingParityKillsTheRunningProgramsAndTheirChildren() throws Exception {
    Path pidFile = root.resolve("child.pid");
    TempSuite suite =
        TempSuite.in(root, "slow")
            .suiteYaml(
                "name: slow\nlegacy:\n  command: [sh, -c, 'sleep 300 & echo $! > \"$PID_FILE\"; wait']\n"
                    + "candidate:\n  command: [sh, -c, 'sleep 300']\ndefaults:\n  timeout: 5m\n  env: {PID_FILE: '"
                    + pidFile
                    + "'}\n"
                    + "cases:\n  - id: a\n");
    Process parity =
        new ProcessBuilder(ParityJvm.command("record", suite.folder().toString()))
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("parity.log").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plusSeconds(60);
      while (!(Files.exists(pidFile) && Files.size(pidFile) > 0)
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      long child = Long.parseLong(Files.readString(pidFile).trim());
      assertThat(ProcessHandle.of(child)).isPresent();

      parity.destroy(); // SIGTERM, as CI or a Ctrl-C would
      parity.waitFor();

      Instant gone = Instant.now().plusSeconds(10);
      while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)
          && Instant.now().isBefore(gone)) {
        Thread.sleep(50);
      }
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
          .as("child %d still alive", child)
          .isFalse();
      assertThat(suite.golden().resolve("a/meta.yaml")).doesNotExist();
    } finally {
      parity.destroyForcibly();
    }
  }
}
