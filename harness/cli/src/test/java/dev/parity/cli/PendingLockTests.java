package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.golden.GoldenLock;
import dev.parity.testing.TempSuite;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending results are changed by one process at a time: a {@code parity} process that holds the
 * lock of {@code <out>/pending} (an accept, reject or review between reading a pending result and
 * dropping it) keeps a verify in another process from replacing one under it.
 */
@Timeout(120)
class PendingLockTests {
  @TempDir Path root;

  @Test
  void aVerifyInAnotherProcessStoresNoPendingResultWhileTheLockIsHeldAndSaysWhoHoldsIt()
      throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'echo legacy']\n"
                    + "candidate:\n  command: [sh, -c, 'echo candidate']\ncases:\n  - id: a\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    Path pending = Files.createDirectories(suite.reports().resolve("pending"));
    Path lockFile = pending.resolve(GoldenLock.FILE);
    Path log = root.resolve("verify.log");
    long holder = ProcessHandle.current().pid();
    int exit;
    try (FileChannel channel =
            FileChannel.open(
                lockFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)));
      Process verify =
          ParityJvm.process("verify", suite.folder().toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        assertThat(verify.waitFor(90, TimeUnit.SECONDS)).as("verify ended").isTrue();
        exit = verify.exitValue();
      } finally {
        verify.destroyForcibly();
      }
    }

    assertThat(exit).as(Files.readString(log)).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains(
            "the pending results are being written by another parity process (pid "
                + holder
                + "), which holds the lock file "
                + lockFile);
    assertThat(pending.resolve("a")).as("nothing stored under the lock").doesNotExist();

    Files.deleteIfExists(lockFile);
    assertThat(Cli.run("verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    assertThat(pending.resolve("a/candidate/stdout")).hasContent("candidate");
    assertThat(lockFile).as("released").doesNotExist();
  }
}
