package dev.parity.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's run in the daemon ends as the run of a JVM of the client's own would. */
class ClientRunTests {
  @TempDir Path root;

  /**
   * A JVM stopped by SIGTERM exits 143 however its run then ends: its main thread's {@code
   * System.exit} waits for the shutdown. A run that ends after the client's signal sends no exit
   * code of its own (the client then exits 128 + its signal) and does not return to the daemon,
   * which would serve another client while the JVM shuts down.
   */
  @Test
  void aRunThatEndsAfterTheClientsSignalSendsNoExitCode() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "waits")
            .suiteYaml(
                "name: waits\nlegacy:\n  command: [sh, -c, 'touch \"$PARITY_SUITE/started\";"
                    + " while [ ! -f \"$PARITY_SUITE/go\" ]; do sleep 0.05; done; echo same']\n"
                    + "candidate:\n  command: [echo, same]\ncases:\n  - id: a\n");
    List<Integer> exits = new CopyOnWriteArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(root.resolve("daemon.sock")));
      try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
          SocketChannel daemon = server.accept()) {
        String[] args = {
          "record", suite.folder().toString(), "--out", root.resolve("out").toString()
        };
        CompletableFuture<Integer> run =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return new ClientRun(daemon, exits::add).run(args);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.exists(suite.folder().resolve("started")));
        Frame.ofInt('S', 15).writeTo(client);
        await().atMost(Duration.ofSeconds(30)).until(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(143);
        Files.createFile(suite.folder().resolve("go")); // the run ends: the JVM is still exiting
        Optional<Integer> returned;
        try {
          returned = Optional.of(run.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException stopped) {
          returned = Optional.empty();
        }
        daemon.close();
        assertThat(returned).as("the run returned to the daemon").isEmpty();
        assertThat(framesOf(client)).doesNotContain('X');
      }
    }
  }

  private static List<Character> framesOf(SocketChannel client) throws IOException {
    List<Character> types = new ArrayList<>();
    for (Optional<Frame> frame = Frame.readFrom(client, Integer.MAX_VALUE);
        frame.isPresent();
        frame = Frame.readFrom(client, Integer.MAX_VALUE)) {
      types.add(frame.get().type());
    }
    return types;
  }
}
