package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.run.Survivors;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code PARITY_DAEMON=1} (docs/daemon.md): the client reacts to signals as the JVM it stands for
 * would, and no signal of its own (SIGPIPE) ends it where that JVM would have run.
 */
class DaemonSignalTests extends DaemonTestCase {
  private static final int SIGHUP = 1;

  /**
   * A JVM leaves SIGHUP, SIGINT and SIGTERM ignored when it starts with them ignored ({@code
   * nohup}, a background job of a script): so does the client, which must not pass them on.
   */
  @Test
  void aSignalIgnoredWhenTheClientStartsIsNotPassedOn() throws Exception {
    String marker = Survivors.marker();
    TempSuite suite = hangingSuite(marker);
    List<String> command = new ArrayList<>(List.of("sh", "-c", "trap '' HUP; exec \"$@\"", "sh"));
    command.addAll(client.command("record", suite.folder().toString()));
    assertThat(exitOf(client.process(command).start())).isZero();
    Files.createFile(suite.folder().resolve("hang"));
    command.set(command.indexOf("record"), "verify");
    Process run = client.process(command).redirectErrorStream(true).start();
    try {
      Survivors.awaitSleeping(marker, 1);
      assertThat(signals(run.pid(), "SigIgn")).as("ignored").contains(SIGHUP);
      assertThat(signals(run.pid(), "SigCgt")).as("caught").doesNotContain(SIGHUP);
      assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(run.pid())).start().waitFor())
          .isZero();
      killSleep(marker); // the run goes on, as in a JVM that ignores SIGHUP
      assertThat(run.waitFor()).as("the run's exit code").isZero();
    } finally {
      run.destroyForcibly();
    }
    Survivors.awaitSleeping(marker, 0);
  }

  /**
   * A JVM prints its thread dump on SIGQUIT and goes on: so does a run in the daemon, also from a
   * client started with SIGQUIT blocked (as a JVM, here the tests', starts its children).
   */
  @Test
  void sigquitPrintsAThreadDumpAndTheRunGoesOn() throws Exception {
    String marker = Survivors.marker();
    TempSuite suite = hangingSuite(marker);
    assertThat(exitOf(client.process(client.command("record", suite.folder().toString())).start()))
        .isZero();
    Files.createFile(suite.folder().resolve("hang"));
    Path output = root.resolve("verify.txt");
    Process run =
        client
            .process(client.command("verify", suite.folder().toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      Survivors.awaitSleeping(marker, 1);
      assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(run.pid())).start().waitFor())
          .isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.readString(output).contains("Full thread dump"));
      killSleep(marker);
      assertThat(run.waitFor()).as("the run's exit code").isZero();
    } finally {
      run.destroyForcibly();
    }
    assertThat(Files.readString(output)).contains("1 passed");
  }

  /** Ends {@code sleep marker}: the hanging program goes on. */
  private static void killSleep(String marker) {
    ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
        .forEach(ProcessHandle::destroy);
  }

  /** The signals of a mask of /proc/PID/status ({@code SigIgn}, {@code SigCgt}). */
  private static List<Integer> signals(long pid, String mask) throws IOException {
    String line =
        Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
            .filter(l -> l.startsWith(mask + ":"))
            .findFirst()
            .orElseThrow();
    long bits = Long.parseUnsignedLong(line.substring(mask.length() + 1).strip(), 16);
    List<Integer> signals = new ArrayList<>();
    for (int signal = 1; signal <= 64; signal++) {
      if ((bits & (1L << (signal - 1))) != 0) {
        signals.add(signal);
      }
    }
    return signals;
  }

  /**
   * A daemon that closes the connection before it answers (ended when idle, killed) leaves the run
   * to a JVM of the client's own: the client is not killed by SIGPIPE while it sends its context.
   */
  @Test
  void aDaemonGoneWhileTheClientSendsItsContextLeavesTheRunToItsOwnJvm() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "quick")
            .suiteYaml(
                "name: quick\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - {id: a, args: [x]}\n");
    List<String> record = client.command("record", suite.folder().toString());
    assertThat(exitOf(largeContext(client.process(record)).start())).isZero();
    Path socket = socketOf();
    client.killDaemons();
    Files.delete(socket);
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(socket));
      CompletableFuture<Void> hangUp =
          CompletableFuture.runAsync(
              () -> {
                try (SocketChannel accepted = gone.accept()) {
                  // closed at once, before the context is read
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      List<String> verify = client.command("verify", suite.folder().toString());
      Process run = largeContext(client.process(verify)).redirectErrorStream(true).start();
      String output = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as(output).isZero();
      assertThat(output).contains("1 passed");
      hangUp.get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * A client killed while it sends its context (a Ctrl-C as it starts) is no error of the daemon's:
   * the daemon goes on serving the next runs.
   */
  @Test
  void aClientGoneDuringItsHandshakeLeavesTheDaemonServing() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "kind")
            .suiteYaml(
                "name: kind\nlegacy:\n  command: [sh, -c, '"
                    + DaemonContextTests.JVM_KIND.replace("'", "''")
                    + "']\ncandidate:\n  command: [echo]\ncases:\n  - id: a\n");
    assertThat(exitOf(client.process(client.command("record", suite.folder().toString())).start()))
        .isZero();
    try (SocketChannel half = SocketChannel.open(UnixDomainSocketAddress.of(socketOf()))) {
      half.write(ByteBuffer.wrap(new byte[] {'C', 0, 0, 1, 0, 'x'})); // a context cut short
      half.shutdownOutput();
      assertThat(half.read(ByteBuffer.allocate(1))).as("closed by the daemon").isEqualTo(-1);
    }
    List<String> update = client.command("record", suite.folder().toString(), "--update");
    assertThat(exitOf(client.process(update).start())).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("daemon\n");
  }

  /** The socket of the one daemon of the client's folder. */
  private Path socketOf() throws IOException {
    try (Stream<Path> files = Files.list(client.folder())) {
      return files.filter(f -> f.toString().endsWith(".sock")).findFirst().orElseThrow();
    }
  }

  /** A context larger than a socket's buffer: the client is still sending it when it is closed. */
  private static ProcessBuilder largeContext(ProcessBuilder builder) {
    for (int i = 0; i < 8; i++) {
      builder.environment().put("PARITY_TEST_FILLER_" + i, "x".repeat(100_000));
    }
    return builder;
  }

  private int exitOf(Process process) throws Exception {
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    return process.exitValue();
  }

  private TempSuite hangingSuite(String marker) {
    return TempSuite.in(root, "hanging")
        .suiteYaml(
            "name: hanging\nlegacy:\n  command: [echo, same]\n"
                + "candidate:\n  command: [sh, -c, 'exec 2>/dev/null; if [ -f \"$PARITY_SUITE/hang\" ];"
                + " then sleep "
                + marker
                + "; fi; echo same']\ndefaults:\n  timeout: 5m\ncases:\n  - id: a\n");
  }
}
