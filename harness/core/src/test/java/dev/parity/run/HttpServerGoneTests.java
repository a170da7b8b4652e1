package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server the harness started answers only while it runs: once it has ended, another process may
 * hold its port (another program, another run's server), and what answers there is not the side
 * under test. Such answers make the side unavailable, never an observation.
 */
@Timeout(90)
class HttpServerGoneTests {
  @TempDir Path dir;

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final HttpRunner runner = new HttpRunner(1024 * 1024);

  @AfterEach
  void stop() throws Exception {
    runner.close();
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  /**
   * The server never listens: it tells its port, and exits once the other process that took the
   * port got a request (the ready probe's); that process answers only after the server has ended.
   */
  @Test
  void aReadyAnswerOnThePortOfAServerThatEndedIsNotReadiness() throws Exception {
    Path port = dir.resolve("port");
    Path taken = dir.resolve("taken");
    HttpImplementation implementation =
        start(
            List.of(
                "sh",
                "-c",
                "echo $0 > \"$1\"; while [ ! -e \"$2\" ]; do sleep 0.05; done; exit 3",
                "{port}",
                port.toString(),
                taken.toString()),
            Optional.of("/health"));

    CompletableFuture<RunOutcome> outcome =
        CompletableFuture.supplyAsync(
            () -> runner.run(suite(implementation), implementation, get()));
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(port) && Files.size(port) > 2);
    squat(Integer.parseInt(Files.readString(port).strip()), () -> Files.writeString(taken, ""));

    RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
    assertThat(result).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) result).reason())
        .startsWith("server [sh -c ")
        .contains("exited with code 3 before it was ready on http://127.0.0.1:");
  }

  /** The server answers a case, dies, and another process takes its port before the next case. */
  @Test
  void anAnswerOnThePortOfAServerThatDiedBetweenCasesIsNotAnObservation() throws Exception {
    Files.writeString(dir.resolve("index.html"), "the server under test\n");
    HttpImplementation implementation =
        start(
            List.of(
                "python3",
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                "--directory",
                dir.toString(),
                "{port}"),
            Optional.of("/index.html"));
    RunOutcome first = runner.run(suite(implementation), implementation, get());
    assertThat(first).isInstanceOf(RunOutcome.Completed.class);
    ProcessHandle server =
        processesOf(dir).stream()
            // the launcher's argv holds the server's
            .filter(
                p -> {
                  String line = p.info().commandLine().orElse("");
                  return line.contains("http.server") && !line.contains("parity-launch");
                })
            .findFirst()
            .orElseThrow();
    String[] argv = server.info().commandLine().orElseThrow().split(" ");
    int port = Integer.parseInt(argv[argv.length - 1]);

    server.destroyForcibly();
    await().atMost(Duration.ofSeconds(30)).until(() -> processesOf(dir).isEmpty());
    squat(port, () -> {});
    RunOutcome second = runner.run(suite(implementation), implementation, get());

    assertThat(second).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) second).reason())
        .startsWith("server [python3 -m http.server ")
        .contains("was killed by SIGKILL during the run");
  }

  /**
   * Another process on {@code port} answering 200 with the body the server under test would, once
   * every process of this test's server has ended.
   */
  private void squat(int port, Hook onRequest) throws IOException {
    HttpServer squatter =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    squatter.createContext(
        "/",
        exchange -> {
          onRequest.run();
          await().atMost(Duration.ofSeconds(30)).until(() -> processesOf(dir).isEmpty());
          byte[] body = "the server under test\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    squatter.start();
    cleanup.add(() -> squatter.stop(0));
  }

  private interface Hook {
    void run() throws IOException;
  }

  /** The processes (the launcher too) whose command line names {@code folder}. */
  private static List<ProcessHandle> processesOf(Path folder) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(folder.toString()))
        .toList();
  }

  private static HttpImplementation start(List<String> command, Optional<String> ready) {
    return new HttpImplementation(
        new HttpImplementation.Start(
            command, Map.of(), Optional.empty(), ready, Duration.ofSeconds(40)));
  }

  private Suite suite(HttpImplementation implementation) {
    return Suites.suite(dir, implementation).name("web").timeout(Duration.ofSeconds(40)).build();
  }

  private static dev.parity.fixture.Case get() {
    return Suites.get("c", "/index.html");
  }
}
