package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.Case;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.RequestBody;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real servers on loopback: the JDK's HttpServer, raw sockets for broken ones, python3 for started
 * ones.
 */
@Timeout(60)
class HttpRunnerTests {
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

  private URI server(HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler);
    server.start();
    cleanup.add(() -> server.stop(0));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A server speaking raw bytes: for answers no well-behaved server library would send. */
  private URI rawServer(Consumer<Socket> answer) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    cleanup.add(socket);
    Thread thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  cleanup.add(client);
                  new Thread(() -> answer.accept(client)).start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  private static HttpImplementation url(URI base) {
    return new HttpImplementation(
        new HttpImplementation.Url(base, Optional.empty(), Duration.ofSeconds(5)));
  }

  private Suite suite(Implementation implementation, Duration timeout) {
    return Suites.suite(dir, implementation).name("web").timeout(timeout).build();
  }

  private static Case get(String path) {
    return Suites.get("c", path);
  }

  private static Case http(HttpRequest request) {
    return Suites.httpCase("c", request);
  }

  private RunOutcome run(Implementation implementation, Case testCase) {
    return runner.run(suite(implementation, Duration.ofSeconds(10)), implementation, testCase);
  }

  private static Observation observation(RunOutcome outcome) {
    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    return outcome.observation().orElseThrow();
  }

  private static String text(Observation observation, String stream) {
    return new String(observation.stream(stream).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void observesStatusSortedHeadersWithoutVolatileOnesAndBody() throws IOException {
    URI base =
        server(
            exchange -> {
              exchange.getResponseHeaders().add("X-B", "2");
              exchange.getResponseHeaders().add("X-A", "1");
              exchange.getResponseHeaders().add("Set-Cookie", "a=1");
              exchange.getResponseHeaders().add("Set-Cookie", "b=2");
              exchange.getResponseHeaders().add("Server", "Legacy/1.0");
              exchange.getResponseHeaders().add("Content-Type", "text/plain");
              byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(201, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });

    Observation observation = observation(run(url(base), get("/greet")));

    assertThat(observation.values()).containsExactly(Map.entry("status", "201"));
    assertThat(text(observation, "headers"))
        .isEqualTo("content-type: text/plain\nset-cookie: a=1\nset-cookie: b=2\nx-a: 1\nx-b: 2\n");
    assertThat(text(observation, "body")).isEqualTo("hello\n");
  }

  @Test
  void reusesOneConnectionUntilConnectionsAreReset() throws IOException {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    URI base =
        server(
            exchange -> {
              clientPorts.add(exchange.getRemoteAddress().getPort());
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
            });

    observation(run(url(base), get("/a")));
    observation(run(url(base), get("/a")));
    assertThat(clientPorts).as("keep-alive: one connection").hasSize(1);

    runner.resetConnections();
    observation(run(url(base), get("/a")));

    assertThat(clientPorts).as("a fresh connection after the reset").hasSize(2);
  }

  @Test
  void sendsMethodEncodedQueryHeadersAndBodyWithItsContentType() throws IOException {
    List<String> seen = new CopyOnWriteArrayList<>();
    URI base =
        server(
            exchange -> {
              seen.add(
                  exchange.getRequestMethod()
                      + " "
                      + exchange.getRequestURI().getRawPath()
                      + "?"
                      + exchange.getRequestURI().getRawQuery());
              seen.add("content-type=" + exchange.getRequestHeaders().getFirst("Content-Type"));
              seen.add("x-token=" + exchange.getRequestHeaders().getFirst("X-Token"));
              seen.add(
                  "body="
                      + new String(
                          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
              exchange.sendResponseHeaders(204, -1);
              exchange.close();
            });
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", "zoë & co");
    query.put("page", "2");

    Observation observation =
        observation(
            run(
                url(base),
                http(
                    new HttpRequest(
                        "put",
                        "/people/1",
                        query,
                        Map.of("X-Token", "t"),
                        Optional.of(RequestBody.json("{\"a\":1}"))))));

    assertThat(observation.values()).containsEntry("status", "204");
    assertThat(seen)
        .containsExactly(
            "PUT /people/1?q=zo%C3%AB+%26+co&page=2",
            "content-type=application/json", "x-token=t", "body={\"a\":1}");
  }

  @Test
  void aServerErrorIsAnObservationNotAFailure() throws IOException {
    URI base =
        server(
            exchange -> {
              byte[] body = "boom".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(500, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
            });

    Observation observation = observation(run(url(base), get("/")));

    assertThat(observation.values()).containsEntry("status", "500");
    assertThat(text(observation, "body")).isEqualTo("boom");
  }

  @Test
  void binaryBodiesAreKeptByteForByte() throws IOException {
    byte[] bytes = new byte[512];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    URI base =
        server(
            exchange -> {
              exchange.sendResponseHeaders(200, bytes.length);
              exchange.getResponseBody().write(bytes);
              exchange.close();
            });

    assertThat(observation(run(url(base), get("/logo.png"))).stream("body")).contains(bytes);
  }

  @Test
  void aConnectionThatBreaksOffMidBodyIsAFailedRun() throws IOException {
    URI base =
        rawServer(
            client -> {
              try (client) {
                readRequest(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly ten b"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                client.setSoLinger(true, 0); // reset, not a clean close
              } catch (IOException e) {
                // the test asserts on the client side
              }
            });

    RunOutcome outcome = run(url(base), get("/big"));

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .startsWith("GET " + base + "/big: the connection broke off during the body (");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws IOException {
    URI base = rawServer(client -> {});
    HttpImplementation implementation = url(base);

    RunOutcome outcome =
        runner.run(suite(implementation, Duration.ofMillis(500)), implementation, get("/slow"));

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .startsWith("GET " + base + "/slow: ")
        .contains("within 500ms", "the server hangs", "the connection was closed");
  }

  @Test
  void aBodyThatStreamsForeverIsCutAtTheLimit() throws IOException {
    URI base = rawServer(client -> streamForever(client, Duration.ZERO));

    RunOutcome outcome = run(url(base), get("/forever"));

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .isEqualTo(
            "GET "
                + base
                + "/forever: the response body exceeded the limit of 1048576 bytes; the connection was closed");
  }

  @Test
  void aBodyThatTricklesForeverIsCutAtTheTimeout() throws IOException {
    URI base = rawServer(client -> streamForever(client, Duration.ofMillis(50)));
    HttpImplementation implementation = url(base);

    RunOutcome outcome =
        runner.run(suite(implementation, Duration.ofSeconds(1)), implementation, get("/trickle"));

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .startsWith(
            "GET "
                + base
                + "/trickle: no complete response within 1s (the body was still arriving)");
  }

  @Test
  void aFiftyMegabyteBodyFailsAtTheDefaultLimitWithoutBeingBuffered() throws Exception {
    byte[] chunk = new byte[1024 * 1024];
    URI base =
        server(
            exchange -> {
              exchange.sendResponseHeaders(200, 50L * chunk.length);
              try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                  out.write(chunk);
                }
              } catch (IOException closedByClient) {
                // expected: the harness stops reading at its limit
              }
            });
    try (HttpRunner defaults = new HttpRunner(HttpRunner.DEFAULT_MAX_BODY_BYTES)) {
      HttpImplementation implementation = url(base);

      RunOutcome outcome =
          defaults.run(suite(implementation, Duration.ofSeconds(30)), implementation, get("/huge"));

      assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
      assertThat(((RunOutcome.Failed) outcome).reason())
          .contains("exceeded the limit of 33554432 bytes");
    }
  }

  @Test
  void anUnreachableServiceIsUnavailable() {
    RunOutcome outcome = run(url(URI.create("http://127.0.0.1:1")), get("/"));

    assertThat(outcome).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) outcome).reason())
        .startsWith("cannot connect to http://127.0.0.1:1: ");
  }

  private HttpImplementation pythonServer(Optional<String> ready, Duration startTimeout)
      throws IOException {
    Files.writeString(dir.resolve("index.html"), "served from " + dir + "\n");
    return new HttpImplementation(
        new HttpImplementation.Start(
            List.of(
                "python3",
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                "--directory",
                dir.toString(),
                "{port}"),
            Map.of(),
            Optional.empty(),
            ready,
            startTimeout));
  }

  private long serversOf(Path marker) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(
                        line ->
                            line.contains("http.server")
                                && line.contains(marker.toString())
                                // the launcher's argv holds the server's
                                && !line.contains("parity-launch"))
                    .orElse(false))
        .count();
  }

  @Test
  void startsALocalServerOnAFreePortOnceAndStopsItOnClose() throws IOException {
    HttpImplementation implementation =
        pythonServer(Optional.of("/index.html"), Duration.ofSeconds(20));

    Observation first = observation(run(implementation, get("/index.html")));
    Observation second = observation(run(implementation, get("/index.html")));

    assertThat(text(first, "body")).isEqualTo("served from " + dir + "\n");
    assertThat(second.sameContentAs(first)).isTrue();
    assertThat(serversOf(dir)).isEqualTo(1);
    runner.close();
    assertThat(serversOf(dir)).isZero();
  }

  @Test
  void aServerThatNeverBecomesReadyIsUnavailableWithItsLogTail() throws IOException {
    // Long enough for python to start and answer 404 on a loaded 2-core machine (it takes ~3 s
    // there).
    HttpImplementation implementation =
        pythonServer(Optional.of("/missing"), Duration.ofSeconds(8));

    RunOutcome outcome = run(implementation, get("/"));

    assertThat(outcome).isInstanceOf(RunOutcome.Unavailable.class);
    String reason = ((RunOutcome.Unavailable) outcome).reason();
    assertThat(reason)
        .startsWith(
            "server [python3 -m http.server --bind 127.0.0.1 --directory "
                + dir
                + " {port}] did not answer 2xx on [/missing] within 8s (last attempt: status 404); raise [startTimeout] if it is just slow; last lines of its output:\n    | ")
        .contains("\"GET /missing HTTP/1.1\" 404");
    assertThat(serversOf(dir)).as("the server that never got ready was stopped").isZero();
    assertThat(run(implementation, get("/")))
        .as("the start is not retried for every case")
        .isEqualTo(outcome);
  }

  @Test
  void aServerThatExitsBeforeItIsReadyIsUnavailableWithWhatItPrinted() {
    HttpImplementation implementation =
        new HttpImplementation(
            new HttpImplementation.Start(
                List.of("sh", "-c", "echo cannot listen on port $0 >&2; exit 3", "{port}"),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(20)));

    RunOutcome outcome = run(implementation, get("/"));

    assertThat(outcome).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) outcome).reason())
        .matches(
            "(?s)server \\[sh -c echo cannot listen on port \\$0 >&2; exit 3 \\{port\\}\\] exited with code 3 before it was ready on http://127\\.0\\.0\\.1:\\d+/"
                + "; last lines of its output:\n    \\| cannot listen on port \\d+");
  }

  @Test
  void aMissingServerProgramIsUnavailable() {
    HttpImplementation implementation =
        new HttpImplementation(
            new HttpImplementation.Start(
                List.of("./no-such-server", "{port}"),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5)));

    RunOutcome outcome = run(implementation, get("/"));

    assertThat(outcome)
        .isEqualTo(
            new RunOutcome.Unavailable(
                "server program [./no-such-server] does not exist; it printed nothing",
                Duration.ZERO));
  }

  @Test
  void containersNeedTheContainersModule() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    HttpImplementation implementation =
        new HttpImplementation(
            new HttpImplementation.Container(
                Optional.empty(),
                Optional.of(dir),
                80,
                Map.of(),
                Optional.empty(),
                Duration.ofSeconds(5)));

    RunOutcome outcome = run(implementation, get("/"));

    assertThat(outcome).isInstanceOf(RunOutcome.Unavailable.class);
    assertThat(((RunOutcome.Unavailable) outcome).reason())
        .startsWith(
            "cannot start container built from "
                + dir
                + ": container support (module harness/containers, Testcontainers) is not on the class path");
  }

  private static void readRequest(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }

  private static void streamForever(Socket client, Duration pause) {
    try (client) {
      readRequest(client.getInputStream());
      OutputStream out = client.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(chunk);
        out.flush();
        if (!pause.isZero()) {
          Thread.sleep(pause.toMillis());
        }
      }
    } catch (IOException | InterruptedException stopped) {
      // the harness closed the connection
    }
  }
}
