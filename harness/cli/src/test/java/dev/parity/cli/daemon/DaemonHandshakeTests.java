package dev.parity.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.testing.TempSuite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon starts a run only on the client's {@code G} after its {@code K} (docs/daemon.md): a
 * client that gave up waiting for the answer runs in a JVM of its own, so the run it gave up must
 * never start in the daemon too, into the same output folder.
 */
class DaemonHandshakeTests {
  private static final byte[] CONTEXT = "the test's context".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;

  @Test
  void aRunWhoseClientLeftAfterTheDaemonsAnswerNeverStartsAndTheDaemonServesTheNext()
      throws Exception {
    TempSuite givenUp = countedSuite("given-up");
    TempSuite served = countedSuite("served");
    Path socket = root.resolve("daemon.sock");
    Process daemon = startDaemon(socket);
    try {
      // The client's context and arguments, the daemon's K, then the client's end without a G:
      // as a client whose wait for the answer ended the moment the daemon sent it.
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        send(client, givenUp, root.resolve("given-up-out"));
        assertThat(Frame.readFrom(client, 0)).map(Frame::type).contains('K');
      }
      assertThat(servedByTheDaemon(socket, served)).isZero();
      assertThat(daemon.isAlive()).as("the daemon, after the client that gave up").isTrue();
      assertThat(served.folder().resolve("runs")).exists();
      assertThat(givenUp.folder().resolve("runs"))
          .as("a program of the run given up")
          .doesNotExist();
      assertThat(root.resolve("given-up-out")).as("the output of the run given up").doesNotExist();
    } finally {
      daemon.destroyForcibly();
      daemon.waitFor();
    }
  }

  /** A suite whose programs note each of their runs in the suite's file {@code runs}. */
  private TempSuite countedSuite(String name) {
    String program = "[sh, -c, 'echo run >> \"$PARITY_SUITE/runs\"; echo same']";
    return TempSuite.in(root, name)
        .suiteYaml(
            "name: "
                + name
                + "\nlegacy:\n  command: "
                + program
                + "\ncandidate:\n  command: "
                + program
                + "\ncases:\n  - id: a\n");
  }

  /** The daemon, with {@link #CONTEXT} as its context, once its socket is there. */
  private Process startDaemon(Path socket) throws IOException {
    Files.write(root.resolve("daemon.context"), CONTEXT);
    Process daemon =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dparity.daemon=" + socket,
                "-Dparity.daemon.idleSeconds=120",
                "-cp",
                System.getProperty("java.class.path"),
                ParityDaemon.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("daemon.log").toFile())
            .start();
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(socket) || !daemon.isAlive());
    assertThat(daemon.isAlive()).as("the daemon started").isTrue();
    return daemon;
  }

  private static void send(SocketChannel client, TempSuite suite, Path out) throws IOException {
    ByteArrayOutputStream arguments = new ByteArrayOutputStream();
    for (String argument : List.of("record", suite.folder().toString(), "--out", out.toString())) {
      arguments.writeBytes(argument.getBytes(StandardCharsets.UTF_8));
      arguments.write(0);
    }
    new Frame('C', CONTEXT).writeTo(client);
    new Frame('A', arguments.toByteArray()).writeTo(client);
  }

  /**
   * Records {@code suite} through the daemon as a client that waits for the answer and says go; a
   * daemon still busy with the client before (its end not seen yet) is asked again. Returns the
   * run's exit code.
   */
  private int servedByTheDaemon(Path socket, TempSuite suite) {
    AtomicReference<Integer> code = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                send(client, suite, root.resolve("served-out"));
                Optional<Frame> answer = Frame.readFrom(client, 0);
                assertThat(answer).as("the daemon's answer").isPresent();
                if (answer.get().type() == 'B') {
                  return false;
                }
                assertThat(answer.get().type()).as("the daemon's answer").isEqualTo('K');
                Frame.of('G').writeTo(client);
                code.set(exitCode(client));
                return true;
              }
            });
    return code.get();
  }

  private static int exitCode(SocketChannel client) throws IOException {
    for (Optional<Frame> frame = Frame.readFrom(client, Integer.MAX_VALUE);
        frame.isPresent();
        frame = Frame.readFrom(client, Integer.MAX_VALUE)) {
      if (frame.get().type() == 'X') {
        return frame.get().intValue();
      }
    }
    throw new IOException("the daemon ended the connection without an exit code");
  }
}
