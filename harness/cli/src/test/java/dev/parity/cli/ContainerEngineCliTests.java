package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker engine that accepts connections and never answers (hung, or something else on its
 * socket) cannot hold a run past the container's [startTimeout]. Needs no real engine: the "engine"
 * is a Unix socket of this test, given to Parity as DOCKER_HOST.
 */
@Timeout(180)
class ContainerEngineCliTests {
  @TempDir Path project;

  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  @Test
  void anEngineThatNeverAnswersMakesTheSideUnavailableAtTheStartTimeout() throws Exception {
    Path socket = silentEngine();
    Path suite = project.resolve("fixtures/boxes");
    Files.createDirectories(suite.resolve("legacy"));
    Files.writeString(suite.resolve("legacy/Dockerfile"), "FROM scratch\n");
    Files.writeString(
        suite.resolve("suite.yaml"),
        """
        name: boxes
        legacy:
          container: {build: legacy, port: 8080, startTimeout: 5s}
        candidate:
          url: http://127.0.0.1:1
        cases:
          - id: data
            request: {path: /data.json}
        """);
    Path log = project.resolve("parity.log");
    ProcessBuilder builder =
        ParityJvm.process("record", suite.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("DOCKER_HOST", "unix://" + socket);
    builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
    builder.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    Process parity = builder.start();
    try {
      assertThat(parity.waitFor(90, TimeUnit.SECONDS))
          .as("Parity ends well before 90s with a 5s start timeout")
          .isTrue();
      assertThat(parity.exitValue()).as(Files.readString(log)).isEqualTo(3);
      assertThat(Files.readString(log))
          .contains(
              "legacy could not be run: cannot start container built from "
                  + suite.resolve("legacy")
                  + ": the Docker engine did not answer within 5s");
    } finally {
      parity.destroyForcibly();
    }
  }

  /** A Unix socket that accepts every connection and never writes a byte. */
  private Path silentEngine() throws IOException {
    // Unix socket paths are limited to ~100 bytes: a short folder of its own, not the test's.
    Path folder = Files.createTempDirectory("engine");
    Path socket = folder.resolve("docker.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    cleanup.add(
        () -> {
          server.close();
          Files.deleteIfExists(socket);
          Files.deleteIfExists(folder);
        });
    Thread accepting =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try {
                  SocketChannel connection = server.accept();
                  cleanup.add(connection);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "silent-engine");
    accepting.setDaemon(true);
    accepting.start();
    return socket;
  }
}
