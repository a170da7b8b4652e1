package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's warm-up replays the suite's safe cases through the real client and comparison paths
 * before it takes clients, and none of it reaches the verdict, the recorded suite or the case ids.
 */
@Timeout(120)
class ShadowWarmUpTests {
  @TempDir Path project;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();

  /** Requests each server received, by "METHOD path". */
  private final Map<String, AtomicInteger> legacySaw = new ConcurrentHashMap<>();

  private final Map<String, AtomicInteger> candidateSaw = new ConcurrentHashMap<>();

  /** Run by legacy's server before it answers a request (it may hold the request). */
  private volatile Runnable legacyHolds = () -> {};

  /** Counted down when the test ends: releases whatever legacy still holds. */
  private final CountDownLatch ended = new CountDownLatch(1);

  @AfterEach
  void stop() throws Exception {
    ended.countDown();
    for (AutoCloseable c : closing) {
      c.close();
    }
    servers.forEach(s -> s.stop(0));
  }

  private HttpServer server(Map<String, AtomicInteger> saw) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          saw.computeIfAbsent(
                  exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                  k -> new AtomicInteger())
              .incrementAndGet();
          if (saw == legacySaw) {
            legacyHolds.run();
          }
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    servers.add(server);
    return server;
  }

  private Suite suite(String cases) throws IOException {
    Path folder = project.resolve("fixtures/web");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy:\n  url: http://127.0.0.1:"
            + server(legacySaw).getAddress().getPort()
            + "\ncandidate:\n  url: http://127.0.0.1:"
            + server(candidateSaw).getAddress().getPort()
            + "\ndefaults:\n  timeout: 10s\n"
            + "allowSideEffects: true\nhttp:\n  ignoreHeaders: [date]\n"
            + "cases:\n"
            + cases);
    return new SuiteLoader().load(folder);
  }

  private ShadowProxy start(Suite suite, Duration warmUp) throws IOException {
    return start(suite, warmUp, 0);
  }

  private ShadowProxy start(Suite suite, Duration warmUp, int port) throws IOException {
    return start(suite, warmUp, port, 1000);
  }

  private ShadowProxy start(Suite suite, Duration warmUp, int port, int queue) throws IOException {
    Runner runner = Runners.standard();
    closing.add(runner);
    ShadowSettings settings =
        new ShadowSettings(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            queue,
            2,
            Optional.of(project.resolve("recorded")),
            1.0,
            project.resolve("reports"),
            Duration.ofSeconds(60),
            warmUp);
    ShadowProxy proxy = ShadowProxy.start(suite, runner, settings);
    closing.add(0, proxy);
    return proxy;
  }

  private static int saw(Map<String, AtomicInteger> saw, String request) {
    return saw.getOrDefault(request, new AtomicInteger()).get();
  }

  private static List<Path> recordedCases(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals(SuiteLoader.SUITE_FILE))
          .toList();
    }
  }

  @Test
  void replaysOnlyTheSafeCasesThroughBothPathsAndCountsNoneOfThem() throws Exception {
    Suite suite =
        suite(
            "  - id: read\n    request: {path: /api/read}\n"
                + "  - id: write\n    request: {method: POST, path: /api/write, body: x}\n");

    ShadowProxy proxy = start(suite, Duration.ofSeconds(1));

    assertThat(proxy.warmUpRequests()).isPositive();
    // Every other comparison saw the candidate differ (the path of a failing request, warmed up),
    // and none of it shows below: not in the verdict, not recorded (the sample is 1.0).
    assertThat(proxy.warmUpDifferences()).isPositive();
    // Through the client's path to legacy, and through the comparison path to the candidate.
    assertThat(saw(legacySaw, "GET /api/read")).isPositive();
    assertThat(saw(candidateSaw, "GET /api/read")).isPositive();
    // Each of the warm-up's comparisons called the candidate (the last may still be running).
    assertThat(proxy.warmUpComparisons()).isPositive();
    assertThat((long) saw(candidateSaw, "GET /api/read"))
        .isGreaterThanOrEqualTo(proxy.warmUpComparisons());
    // Never a write, even where the suite allows side effects.
    assertThat(saw(legacySaw, "POST /api/write")).isZero();
    assertThat(saw(candidateSaw, "POST /api/write")).isZero();
    Verdict before = proxy.verdict();
    assertThat(before.counts().total()).isZero();
    assertThat(before.reasons().get(0)).startsWith("0 requests received, 0 compared,");
    assertThat(before.reasons().get(0)).contains(" 0 dropped from comparison");
    assertThat(proxy.dropped()).isZero();
    assertThat(proxy.recorded()).isZero();
    assertThat(recordedCases(project.resolve("recorded"))).isEmpty();

    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxy.address().getPort() + "/api/read"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).isEqualTo("{\"ok\":true}");

    Verdict after =
        await().atMost(Duration.ofSeconds(60)).until(proxy::verdict, v -> v.counts().total() == 1);
    assertThat(after.fixtures())
        .singleElement()
        .satisfies(
            r -> {
              // The first client's request is number 1: the warm-up used no case id.
              assertThat(r.id()).isEqualTo("shadow/api/1");
              assertThat(r.status()).isEqualTo(Status.PASS);
            });
    assertThat(after.reasons().get(0)).startsWith("1 requests received, 1 compared,");
  }

  @Test
  void zeroSecondsOrNoSafeCaseSendsNothingBeforeTheFirstClient() throws Exception {
    Suite suite = suite("  - id: read\n    request: {path: /api/read}\n");
    ShadowProxy none = start(suite, Duration.ZERO);
    assertThat(none.warmUpRequests()).isZero();
    none.close();

    Suite writesOnly =
        suite("  - id: write\n    request: {method: POST, path: /api/write, body: x}\n");
    ShadowProxy nothingSafe = start(writesOnly, Duration.ofSeconds(1));
    assertThat(nothingSafe.warmUpRequests()).isZero();

    assertThat(legacySaw).isEmpty();
    assertThat(candidateSaw).isEmpty();
  }

  @Test
  void sendsSeveralRequestsAtOnceEachOnAConnectionOfItsOwn() throws Exception {
    Suite suite = suite("  - id: read\n    request: {path: /api/read}\n");
    // Legacy answers none of the warm-up's requests until it holds as many as the warm-up's
    // connections: a warm-up sending fewer at once would wait out its whole limit, answered never.
    CountDownLatch together = new CountDownLatch(WarmUp.CONNECTIONS);
    legacyHolds =
        () -> {
          together.countDown();
          awaitQuietly(together);
        };

    // Ten seconds: ample to open eight connections, and the whole warm-up runs as long again,
    // twice.
    ShadowProxy proxy = start(suite, Duration.ofSeconds(10));

    assertThat(together.getCount()).isZero();
    assertThat(proxy.warmUpRequests()).isGreaterThanOrEqualTo(WarmUp.CONNECTIONS);
  }

  @Test
  void interruptedWhileWarmingUpItClosesTheProxyAndFreesTheClientsPort() throws Exception {
    Suite suite = suite("  - id: read\n    request: {path: /api/read}\n");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    CountDownLatch legacyReached = new CountDownLatch(1);
    legacyHolds =
        () -> {
          legacyReached.countDown();
          awaitQuietly(ended);
        };
    Thread starting = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              awaitQuietly(legacyReached);
              starting.interrupt();
            });
    interrupter.start();

    assertThatThrownBy(() -> start(suite, Duration.ofSeconds(60), port))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("warming up");

    assertThat(Thread.interrupted()).isTrue();
    interrupter.join();
    // The clients' listener, bound before the warm-up, was closed: the port can be bound again.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              try (ServerSocket again =
                  new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return true;
              }
            });
    assertThat(candidateSaw).isEmpty();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
