package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parity.cli.Processes.Result;
import dev.parity.testing.Repository;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a machine of two CPUs, where the common fork-join pool has one thread and
 * {@code CompletableFuture} would start a new thread for every asynchronous step: the JDK's HTTP
 * client hands each response to that executor, so every HTTP run started a thread (27,000 in a 75 s
 * {@code parity shadow} load test). Parity's {@code main} gives the pool two threads there.
 */
class AsyncThreadsIT {
  private static final int CASES = 60;

  @TempDir Path temp;
  private HttpServer server;
  private ExecutorService handlers;

  @BeforeEach
  void server() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    handlers = Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void httpRunsReuseThreadsOnAMachineOfTwoCpus() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    Path suite = Files.createDirectories(temp.resolve("fixtures/http"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        "name: http\n"
            + "legacy: {url: "
            + url
            + "}\n"
            + "candidate: {url: "
            + url
            + "}\n"
            + "cases:\n"
            + IntStream.range(0, CASES)
                .mapToObj(i -> "  - id: c" + i + "\n    request: {path: /item/" + i + "}\n")
                .collect(Collectors.joining()));
    Path threads = temp.resolve("threads.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Result result =
        Processes.run(
            temp,
            Duration.ofMinutes(2),
            Map.of(),
            java,
            "-XX:ActiveProcessorCount=2",
            "-Xlog:os+thread=info:file=" + threads,
            "-jar",
            Repository.root().resolve("harness/cli/target/parity.jar").toString(),
            "compare",
            suite.toString(),
            "--runs",
            "1",
            "--out",
            temp.resolve("out").toString());

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    long started = Files.readAllLines(threads).stream().filter(l -> l.contains(" started")).count();
    // Two requests a case; a thread per request would be 120 more than the JVM's own few dozen.
    assertThat(started).as("threads started for %d cases", CASES).isLessThan(CASES);
  }
}
