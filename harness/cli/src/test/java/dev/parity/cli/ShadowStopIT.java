package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.shadow.ShadowProxy;
import dev.parity.shadow.ShadowSettings;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the proxy (SIGTERM) serves the clients already in flight before it lets legacy's client
 * go, within {@code --drain}: a deploy that stops the proxy must not cut the answer of a client
 * whose request legacy is still working on. An integration test (failsafe) because legacy takes
 * seconds over a request on purpose, past the one second the JDK's server used to give.
 */
@Timeout(120)
class ShadowStopIT {
  /** How long legacy takes over the slow request: well past the second the JDK's server gave. */
  private static final long SLOW_MILLIS = 3_000;

  @TempDir Path project;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final CountDownLatch slowReceived = new CountDownLatch(1);

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    servers.forEach(s -> s.stop(0));
  }

  private int server(boolean legacy) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          if (legacy && exchange.getRequestURI().getPath().equals("/slow")) {
            slowReceived.countDown();
            try {
              Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    servers.add(server);
    return server.getAddress().getPort();
  }

  private ShadowProxy start() throws IOException {
    Path folder = project.resolve("fixtures/web");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy:\n  url: http://127.0.0.1:"
            + server(true)
            + "\ncandidate:\n  url: http://127.0.0.1:"
            + server(false)
            + "\ndefaults:\n  timeout: 30s\nhttp:\n  ignoreHeaders: [date]\n"
            + "cases:\n  - id: read\n    request: {path: /fast}\n");
    Suite suite = new SuiteLoader().load(folder);
    Runner runner = Runners.standard();
    closing.add(runner);
    ShadowProxy proxy =
        ShadowProxy.start(
            suite,
            runner,
            new ShadowSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                100,
                1,
                Optional.empty(),
                0.0,
                project.resolve("reports"),
                Duration.ofSeconds(2),
                Duration.ZERO));
    closing.add(0, proxy);
    return proxy;
  }

  private static CompletableFuture<HttpResponse<String>> get(ShadowProxy proxy, String path) {
    return HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxy.address().getPort() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aClientInFlightWhenTheProxyStopsGetsLegacysAnswer() throws Exception {
    ShadowProxy proxy = start();
    CompletableFuture<HttpResponse<String>> answer = get(proxy, "/slow");
    assertThat(slowReceived.await(60, TimeUnit.SECONDS)).isTrue();

    Future<Verdict> stopped =
        Executors.newSingleThreadExecutor().submit(() -> proxy.stop(Duration.ofSeconds(60)));

    HttpResponse<String> served = answer.get(60, TimeUnit.SECONDS);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo("{\"ok\":true}");
    // The proxy is stopping: the client is told not to send another request on this connection.
    assertThat(served.headers().firstValue("connection")).hasValue("close");
    Verdict last = stopped.get(60, TimeUnit.SECONDS);
    assertThat(last.reasons().get(0)).startsWith("1 requests received, 1 compared,");
  }

  @Test
  void withNobodyInFlightItStopsWithoutWaitingOutTheDrain() throws Exception {
    ShadowProxy proxy = start();
    HttpResponse<String> fast = get(proxy, "/fast").get(60, TimeUnit.SECONDS);
    assertThat(fast.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> proxy.verdict().counts().total() == 1);

    // A drain of ten minutes, and a bound of one: generous for the machine, far below the drain.
    Future<Verdict> stopped =
        Executors.newSingleThreadExecutor().submit(() -> proxy.stop(Duration.ofMinutes(10)));
    assertThat(stopped.get(60, TimeUnit.SECONDS).counts().total()).isEqualTo(1);
  }
}
