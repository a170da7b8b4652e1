package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Survivors;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.Decision;
import dev.parity.verdict.RunStatus;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
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
        ParityJvm.process("record", suite.folder().toString())
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

  /**
   * A verify stopped by SIGTERM after an earlier one passed: its exit code is the JVM's for the
   * signal, and its reports say it was stopped, not that the candidate ships.
   */
  @Test
  void aStoppedRunReplacesAnEarlierPassInItsReports() throws Exception {
    String marker = Survivors.marker();
    Path out = root.resolve("out");
    TempSuite suite =
        TempSuite.in(root, "stop")
            .suiteYaml(
                "name: stop\nlegacy:\n  command: [echo, same]\n"
                    + "candidate:\n  command: [sh, -c, 'if [ -f \"$PARITY_SUITE/hang\" ];"
                    + " then sleep "
                    + marker
                    + "; fi; echo same']\ndefaults:\n  timeout: 5m\ncases:\n  - id: a\n");
    assertThat(parity("record", suite, out).waitFor()).isZero();
    assertThat(parity("verify", suite, out).waitFor()).isZero();
    assertThat(VerdictJson.read(out.resolve(VerdictJson.FILE)).decision())
        .isEqualTo(Decision.CANDIDATE);
    Files.createFile(suite.folder().resolve("hang"));

    Process stopped = parity("verify", suite, out);
    try {
      Survivors.awaitSleeping(marker, 1);
      stopped.destroy(); // SIGTERM
      assertThat(stopped.waitFor()).as("the JVM's exit code for SIGTERM").isEqualTo(143);
    } finally {
      stopped.destroyForcibly();
    }

    Survivors.awaitSleeping(marker, 0);
    Verdict verdict = VerdictJson.read(out.resolve(VerdictJson.FILE));
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.status()).isEqualTo(RunStatus.ERROR);
    assertThat(verdict.error()).hasValueSatisfying(e -> assertThat(e).contains("stopped"));
    assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("candidate ships");
  }

  private Process parity(String command, TempSuite suite, Path out) throws IOException {
    return ParityJvm.process(command, suite.folder().toString(), "--out", out.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("parity.log").toFile()))
        .start();
  }
}
