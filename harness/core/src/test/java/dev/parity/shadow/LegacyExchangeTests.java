package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the proxy's client of legacy ({@link LegacyClient}) does to a request and its answer:
 * nothing a client would notice. Legacy's status, headers and bytes reach the client as legacy sent
 * them (a redirect not followed, an error not retried, a chunked body whole), and legacy sees the
 * client's request with nothing added that changes what it answers.
 */
@Timeout(120)
class LegacyExchangeTests {
  @TempDir Path project;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();

  /** Every request legacy received: "METHOD path", its headers and body. */
  private final List<Seen> legacySaw = new CopyOnWriteArrayList<>();

  private record Seen(String request, Headers headers, String body) {}

  private final Map<String, Integer> candidateCalls = new ConcurrentHashMap<>();
  private ShadowProxy proxy;
  private int secondary;

  @BeforeEach
  void start() throws Exception {
    HttpServer legacy = server();
    legacy.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String path = exchange.getRequestURI().getPath();
          legacySaw.add(
              new Seen(
                  exchange.getRequestMethod() + " " + path, exchange.getRequestHeaders(), body));
          Headers headers = exchange.getResponseHeaders();
          switch (path) {
            case "/redirect" -> {
              headers.set("Location", "/json");
              exchange.sendResponseHeaders(302, -1);
            }
            case "/down" -> send(exchange, 503, "down for maintenance");
            case "/chunked" -> {
              exchange.sendResponseHeaders(200, 0);
              try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                  out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                  out.flush();
                }
              }
            }
            case "/write" -> send(exchange, 201, "created " + body);
            case "/ua" -> send(exchange, 200, userAgentPage(exchange));
            default -> {
              headers.set("Content-Type", "application/json");
              headers.add("X-Legacy", "one");
              headers.add("X-Legacy", "two");
              send(exchange, 200, "{\"id\":1}");
            }
          }
        });
    HttpServer candidate = server();
    candidate.createContext(
        "/",
        exchange -> {
          candidateCalls.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
          send(
              exchange,
              200,
              exchange.getRequestURI().getPath().equals("/ua")
                  ? "{\"page\":\"wrong\"}"
                  : "candidate");
        });
    // Legacy's noise calls go to a second instance, so legacy itself sees only what the proxy
    // forwards, whenever the comparisons run.
    HttpServer secondary = server();
    secondary.createContext(
        "/",
        exchange ->
            send(
                exchange,
                200,
                exchange.getRequestURI().getPath().equals("/ua")
                    ? userAgentPage(exchange)
                    : "secondary"));
    this.secondary = secondary.getAddress().getPort();
    proxy = proxy(legacy.getAddress().getPort(), candidate.getAddress().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void theClientGetsLegacysStatusHeadersAndBytes() throws Exception {
    HttpResponse<String> json = send("GET", "/json", Optional.empty());

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).isEqualTo("{\"id\":1}");
    assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(json.headers().allValues("x-legacy")).containsExactly("one", "two");

    HttpResponse<String> chunked = send("GET", "/chunked", Optional.empty());
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      lines.append("line ").append(i).append('\n');
    }
    assertThat(chunked.body()).isEqualTo(lines.toString());

    HttpResponse<String> head = send("HEAD", "/json", Optional.empty());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void aRedirectIsNotFollowedAndAnErrorIsNotRetried() throws Exception {
    HttpResponse<String> redirect = send("GET", "/redirect", Optional.empty());
    HttpResponse<String> down = send("GET", "/down", Optional.empty());

    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("location")).hasValue("/json");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).isEqualTo("down for maintenance");
    assertThat(legacySaw).extracting(Seen::request).containsExactly("GET /redirect", "GET /down");
  }

  @Test
  void legacySeesTheClientsRequestWithNothingAddedThatChangesItsAnswer() throws Exception {
    HttpResponse<String> write = send("POST", "/write", Optional.of("x=1&y=\u00e9"));

    assertThat(write.statusCode()).isEqualTo(201);
    assertThat(write.body()).isEqualTo("created x=1&y=\u00e9");
    assertThat(legacySaw)
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen.request()).isEqualTo("POST /write");
              assertThat(seen.body()).isEqualTo("x=1&y=\u00e9");
              assertThat(seen.headers().getFirst("X-Client")).isEqualTo("test");
              // No content negotiated, upgraded, or carried over from another client.
              assertThat(seen.headers())
                  .doesNotContainKeys("Accept-encoding", "Upgrade", "Cookie", "Authorization");
            });
    // A write is never mirrored without allowSideEffects: the candidate never saw it.
    assertThat(candidateCalls).doesNotContainKey("/write");
  }

  @Test
  void legacySeesTheClientsUserAgentOrNoneWhenItSentNone() throws Exception {
    // The JDK's client always sends a User-Agent; a raw request sends exactly what is written.
    String none = raw("GET /json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String mobile =
        raw("GET /json HTTP/1.1\r\nHost: x\r\nUser-Agent: Mobile/1.0\r\nConnection: close\r\n\r\n");

    assertThat(none).startsWith("HTTP/1.1 200");
    assertThat(mobile).startsWith("HTTP/1.1 200");
    // Legacy may answer by the user agent (a mobile page): it must see the client's, or none.
    assertThat(legacySaw).hasSize(2);
    assertThat(legacySaw.get(0).headers()).doesNotContainKey("User-agent");
    assertThat(legacySaw.get(1).headers().get("User-agent")).containsExactly("Mobile/1.0");
  }

  @Test
  void anHttp10ClientGetsABodyOfUnknownLengthEndedByTheConnectionsClose() throws IOException {
    String answer = raw("GET /chunked HTTP/1.0\r\nHost: x\r\n\r\n");

    String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
    assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("transfer-encoding");
    assertThat(answer.substring(head.length() + 4)).startsWith("line 0\n").endsWith("line 99\n");
  }

  @Test
  void aRequestWithoutUserAgentIsNotComparedWithCallsThatCarryTheJdksOwn() throws Exception {
    // Legacy answers by the user agent. Without one, the client got legacy's page for none, but
    // the noise call and the candidate would be sent Java-http-client/17's: legacy's two answers
    // differ in the page, and the candidate's wrong page would pass as noise.
    raw("GET /ua HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    raw("GET /ua HTTP/1.1\r\nHost: x\r\nUser-Agent: Mobile/1.0\r\nConnection: close\r\n\r\n");

    var verdict = proxy.stop(Duration.ofSeconds(60));

    // Before, the request without a User-Agent passed: the candidate's wrong page was noise.
    assertThat(verdict.counts().passed()).isZero();
    assertThat(verdict.counts().failed()).isEqualTo(1);
    assertThat(verdict.reasons().get(0))
        .startsWith("2 requests received, 1 compared, 1 not mirrored");
    assertThat(candidateCalls.get("/ua")).isEqualTo(1);
  }

  /** A page that depends on the client: mobile for a mobile user agent, else the desktop one. */
  private static String userAgentPage(com.sun.net.httpserver.HttpExchange exchange) {
    String agent = exchange.getRequestHeaders().getFirst("User-Agent");
    return agent == null
        ? "{\"page\":\"plain\"}"
        : agent.startsWith("Mobile") ? "{\"page\":\"mobile\"}" : "{\"page\":\"desktop\"}";
  }

  /** Sends {@code request} as written to the proxy and returns the whole answer. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.address().getPort())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void anUnreachableLegacyGives502() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    ShadowProxy nowhere = proxy(closed, closed);

    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + nowhere.address().getPort() + "/json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(502);
    assertThat(answer.body()).startsWith("parity shadow: legacy did not answer: ");
  }

  private HttpResponse<String> send(String method, String path, Optional<String> body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort() + path))
            .header("X-Client", "test")
            .method(
                method,
                body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                    .orElse(HttpRequest.BodyPublishers.noBody()))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    servers.add(server);
    return server;
  }

  private ShadowProxy proxy(int legacyPort, int candidatePort) throws IOException {
    Path folder = project.resolve("fixtures/web-" + legacyPort);
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy:\n  url: http://127.0.0.1:"
            + legacyPort
            + "\ncandidate:\n  url: http://127.0.0.1:"
            + candidatePort
            + "\nlegacySecondary:\n  url: http://127.0.0.1:"
            + secondary
            + "\ndefaults:\n  timeout: 10s\ncases:\n  - id: read\n    request: {path: /json}\n");
    return TestProxies.start(folder, project.resolve("reports-" + legacyPort), closing);
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
