package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity shadow} as a real process between a client and two real servers (the JDK's): the
 * client gets legacy's bytes, the verdict finds the planted differences, SIGTERM writes the final
 * verdict, and {@code --record} makes a suite that {@code parity verify} fails the same way.
 */
@Timeout(240)
class ShadowCommandTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final byte[] BINARY = new byte[256];

  static {
    for (int i = 0; i < BINARY.length; i++) {
      BINARY[i] = (byte) i;
    }
  }

  @TempDir Path project;
  private final List<HttpServer> servers = new ArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);

  /** Holds the candidate's answers to /slow/ until the test counts it down. */
  private final CountDownLatch release = new CountDownLatch(1);

  /** Requests to /slow/ the candidate has received (each waits for {@link #release}). */
  private final AtomicInteger slowArrived = new AtomicInteger();

  private Process shadow;

  @AfterEach
  void stop() throws InterruptedException {
    never.countDown();
    release.countDown();
    if (shadow != null && shadow.isAlive()) {
      shadow.destroyForcibly().waitFor();
    }
    servers.forEach(s -> s.stop(0));
  }

  /** A server answering like legacy or like the candidate, by {@code candidate}. */
  private HttpServer server(boolean candidate) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    AtomicInteger served = new AtomicInteger();
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().toString();
          int n = served.incrementAndGet();
          switch (path) {
            case "/api/people" -> send(exchange, 200, "[{\"id\":1,\"name\":\"Ann\"}]");
            case "/api/clock" ->
                send(exchange, 200, "{\"served\":" + (n * 7919 % 1000 + 1000) + "}");
            case "/img/logo" -> {
              exchange.getResponseHeaders().set("Content-Type", "image/png");
              exchange.getResponseHeaders().set("X-Side", "legacy-or-candidate");
              exchange.sendResponseHeaders(200, BINARY.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(BINARY);
              }
            }
            case "/search/people?q=ann" ->
                send(exchange, 200, candidate ? "found: ann\n" : "found: Ann\n");
            case "/fault/hang" -> {
              if (candidate) {
                block(never);
              }
              send(exchange, 200, "ok\n");
            }
            case "/fault/reset" -> {
              if (!candidate) {
                send(exchange, 200, "ok\n");
              }
            }
            case "/slow/1", "/slow/2", "/slow/3", "/slow/4", "/slow/5" -> {
              if (candidate) {
                slowArrived.incrementAndGet();
                block(release);
              }
              send(exchange, 200, "ok " + path + "\n");
            }
            case "/fault/500" -> send(exchange, candidate ? 500 : 200, "ok\n");
            case "/down/503" -> send(exchange, 503, "legacy is down\n");
            case "/down/gone" -> {
              if (candidate) {
                send(exchange, 200, "ok\n");
              }
            }
            default -> send(exchange, 201, "created " + exchange.getRequestMethod() + "\n");
          }
          exchange.close();
        });
    server.start();
    servers.add(server);
    return server;
  }

  private static void block(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("X-Side", "legacy-or-candidate");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Path suite(HttpServer legacy, HttpServer candidate) throws IOException {
    Path folder = project.resolve("fixtures/web");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\n"
            + "legacy:\n  url: http://127.0.0.1:"
            + legacy.getAddress().getPort()
            + "\ncandidate:\n  url: http://127.0.0.1:"
            + candidate.getAddress().getPort()
            + "\ndefaults:\n  timeout: 3s\n"
            + "http:\n  ignoreHeaders: [date]\n"
            + "cases:\n  - id: people\n    request: {path: /api/people}\n");
    return folder;
  }

  /** Starts {@code parity shadow} in its own JVM and returns the proxy's base URL. */
  private URI startShadow(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParityCommand.class.getName());
    command.add("shadow");
    // A short warm-up: the real one (the suite's GET case replayed) without five seconds a test.
    if (!List.of(args).contains("--warmup")) {
      command.addAll(List.of("--warmup", "1"));
    }
    command.addAll(List.of(args));
    Path log = project.resolve("shadow.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove(CiEnvironment.VARIABLE);
    shadow = builder.start();
    Pattern listening = Pattern.compile("listening on (http://\\S+?),");
    String started =
        await("parity shadow listens")
            .atMost(Duration.ofSeconds(120))
            .failFast("parity shadow exited", () -> !shadow.isAlive())
            .until(() -> Files.readString(log), text -> listening.matcher(text).find());
    Matcher m = listening.matcher(started);
    assertThat(m.find()).isTrue();
    return URI.create(m.group(1));
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static HttpResponse<byte[]> get(URI base, String method, String path) throws Exception {
    HttpRequest.BodyPublisher body =
        method.equals("POST")
            ? HttpRequest.BodyPublishers.ofString("{\"x\":1}")
            : HttpRequest.BodyPublishers.noBody();
    return CLIENT.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The live verdict once {@code compared} requests were judged. */
  private static JsonNode awaitCompared(URI base, int compared) {
    return await("requests compared")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> JSON.readTree(get(base, "GET", "/_parity/verdict.json").body()),
            verdict -> verdict.path("counts").path("total").asInt() >= compared);
  }

  private int terminate() throws InterruptedException {
    shadow.destroy(); // SIGTERM
    assertThat(
            shadow.waitFor(
                Duration.ofSeconds(120).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
        .isTrue();
    return shadow.exitValue();
  }

  @Test
  void numbersOutOfRangeAreRefusedWithTheValidFormAndExitCode2() throws Exception {
    Path suite = suite(server(false), server(true));
    String[][] bad = {
      {"--warmup", "-1"}, {"--drain", "-1"}, {"--queue", "0"}, {"--workers", "0"}, {"--sample", "2"}
    };
    for (String[] option : bad) {
      Cli run =
          Cli.run("shadow", suite.toString(), "--listen", "127.0.0.1:0", option[0], option[1]);

      assertThat(run.exitCode()).as(String.join(" ", option)).isEqualTo(2);
      assertThat(run.err())
          .as(String.join(" ", option))
          .containsAnyOf(
              "--queue and --workers must be at least 1, --drain and --warmup at least 0",
              "--sample [2.0] must be between 0 and 1, e.g. 0.01 for 1%");
    }
  }

  @Test
  void clientsGetLegacysBytesAndTheVerdictAndRecordedSuiteFindThePlantedDifferences()
      throws Exception {
    HttpServer legacy = server(false);
    HttpServer candidate = server(true);
    Path suite = suite(legacy, candidate);
    Path recorded = project.resolve("fixtures/recorded");
    Path out = project.resolve("out");
    URI base =
        startShadow(
            suite.toString(),
            "--listen",
            "127.0.0.1:0",
            "--record",
            recorded.toString(),
            "--sample",
            "0",
            "--out",
            out.toString());
    URI direct = URI.create("http://127.0.0.1:" + legacy.getAddress().getPort());

    for (String path : List.of("/api/people", "/img/logo", "/search/people?q=ann")) {
      HttpResponse<byte[]> proxied = get(base, "GET", path);
      HttpResponse<byte[]> straight = get(direct, "GET", path);
      assertThat(proxied.statusCode()).isEqualTo(straight.statusCode());
      assertThat(proxied.body()).as(path).isEqualTo(straight.body());
      assertThat(proxied.headers().firstValue("x-side")).contains("legacy-or-candidate");
      assertThat(proxied.headers().firstValue("content-type"))
          .isEqualTo(straight.headers().firstValue("content-type"));
    }
    assertThat(get(base, "GET", "/img/logo").body()).isEqualTo(BINARY);
    // Legacy answers differently each time: noise, discounted as in compare.
    assertThat(new String(get(base, "GET", "/api/clock").body(), StandardCharsets.UTF_8))
        .startsWith("{\"served\":");
    HttpResponse<byte[]> post = get(base, "POST", "/api/items");
    assertThat(post.statusCode()).isEqualTo(201);

    JsonNode live = awaitCompared(base, 5);
    assertThat(live.path("counts").path("total").asInt()).isEqualTo(5);
    String page = new String(get(base, "GET", "/_parity").body(), StandardCharsets.UTF_8);
    assertThat(page).contains("parity shadow web", "<td>search</td>", "<td>api</td>");

    terminate();
    JsonNode verdict = JSON.readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.path("counts").path("failed").asInt()).isEqualTo(1);
    assertThat(verdict.path("counts").path("passed").asInt()).isEqualTo(4);
    assertThat(verdict.path("groups").path("search").path("decision").asText()).isEqualTo("legacy");
    // Its POST was not compared (no http.allowSideEffects): routed to the candidate, it would go
    // there unverified.
    assertThat(verdict.path("groups").path("api").path("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.path("groups").path("api").path("reasons").toString())
        .contains("1 requests of group api were not compared");
    assertThat(verdict.path("groups").path("img").path("decision").asText()).isEqualTo("candidate");
    assertThat(verdict.path("reasons").toString())
        .contains("6 requests received, 5 compared, 1 not mirrored");
    assertThat(verdict.path("clusters").get(0).path("examples").get(0).asText())
        .startsWith("shadow/search/");
    assertThat(Files.readString(project.resolve("shadow.log"))).contains("Decision: legacy");

    // The recorded suite holds the mismatching request only (--sample 0), and reproduces it.
    List<Path> cases;
    try (Stream<Path> files = Files.walk(recorded.resolve("cases"))) {
      cases = files.filter(Files::isRegularFile).toList();
    }
    assertThat(cases).hasSize(1);
    assertThat(Files.readString(cases.get(0))).contains("path: /search/people?q=ann", "- search");
    Cli record = Cli.run("record", recorded.toString());
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    Cli verify = Cli.run("verify", recorded.toString());
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out())
        .contains("1 cases, 0 passed, 1 failed")
        .contains("-found: Ann", "+found: ann");
  }

  @Test
  void candidateFaultsNeverReachTheClientAndLegacyFailuresAreReturnedAndCounted() throws Exception {
    HttpServer legacy = server(false);
    HttpServer candidate = server(true);
    Path suite = suite(legacy, candidate);
    Path out = project.resolve("out");
    URI base = startShadow(suite.toString(), "--listen", "127.0.0.1:0", "--out", out.toString());

    for (String path : List.of("/fault/hang", "/fault/reset", "/fault/500")) {
      HttpResponse<byte[]> proxied = get(base, "GET", path);
      assertThat(proxied.statusCode()).as(path).isEqualTo(200);
      assertThat(new String(proxied.body(), StandardCharsets.UTF_8)).isEqualTo("ok\n");
    }
    HttpResponse<byte[]> down = get(base, "GET", "/down/503");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(new String(down.body(), StandardCharsets.UTF_8)).isEqualTo("legacy is down\n");
    HttpResponse<byte[]> gone = get(base, "GET", "/down/gone");
    assertThat(gone.statusCode()).isEqualTo(502);
    assertThat(new String(gone.body(), StandardCharsets.UTF_8)).startsWith("parity shadow: legacy");

    awaitCompared(base, 4);
    terminate();
    JsonNode verdict = JSON.readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("decision").asText()).isEqualTo("legacy");
    JsonNode fault = verdict.path("groups").path("fault");
    assertThat(fault.path("decision").asText()).isEqualTo("legacy");
    assertThat(fault.path("counts").path("total").asInt()).isEqualTo(3);
    assertThat(fault.path("counts").path("passed").asInt()).isZero();
    assertThat(verdict.path("reasons").toString())
        .contains("5 requests received, 4 compared")
        .contains("2 answered by legacy with an error");
    assertThat(
            Map.of(
                "down", verdict.path("groups").path("down").path("counts").path("total").asInt()))
        .containsEntry("down", 1);
  }

  @Test
  void withLegacySecondaryTheNoiseCallGoesToTheSecondInstanceAndItsDifferencesAreDiscounted()
      throws Exception {
    AtomicInteger primaryHits = new AtomicInteger();
    AtomicInteger secondaryHits = new AtomicInteger();
    HttpServer primary = LegacySecondaryCliTests.instance("hosta", false, primaryHits, servers);
    HttpServer secondary = LegacySecondaryCliTests.instance("hostb", false, secondaryHits, servers);
    HttpServer candidate =
        LegacySecondaryCliTests.instance("hostc", true, new AtomicInteger(), servers);
    Path folder = project.resolve("fixtures/web");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy: "
            + LegacySecondaryCliTests.url(primary)
            + "\nlegacySecondary: "
            + LegacySecondaryCliTests.url(secondary)
            + "\ncandidate: "
            + LegacySecondaryCliTests.url(candidate)
            + "\n");
    Path out = project.resolve("out");
    URI base = startShadow(folder.toString(), "--listen", "127.0.0.1:0", "--out", out.toString());

    for (String path : List.of("/api/whoami", "/api/whoami", "/api/greet")) {
      assertThat(new String(get(base, "GET", path).body(), StandardCharsets.UTF_8))
          .as("the client gets the primary's answer")
          .contains("\"host\":\"hosta\"");
    }
    awaitCompared(base, 3);
    terminate();

    assertThat(primaryHits.get())
        .as("legacy is called once per request, by the client")
        .isEqualTo(3);
    assertThat(secondaryHits.get()).as("the noise call of each request").isEqualTo(3);
    JsonNode verdict = JSON.readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("counts").path("passed").asInt()).isEqualTo(2);
    assertThat(verdict.path("counts").path("failed").asInt()).isEqualTo(1);
    assertThat(verdict.path("decision").asText()).isEqualTo("legacy");
    assertThat(verdict.path("clusters").get(0).path("examples").toString())
        .contains("shadow/api/3");
    assertThat(verdict.toString()).contains("legacy runs 1 and 2 (on legacySecondary) differ");
  }

  /**
   * A candidate Parity starts itself: it notes each request's arrival, then answers slowly what
   * legacy answers.
   */
  private static final String SLOW_APP =
      """
      import http.server, sys, time
      class Slow(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              if self.path != "/health":
                  with open(sys.argv[2], "a") as arrived:
                      arrived.write(self.path + "\\n")
                  time.sleep(2)
              body = b'[{"id":1,"name":"Ann"}]'
              self.send_response(200)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def log_message(self, *args):
              pass
      http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
      """;

  @Test
  void sigtermKeepsAStartedCandidateRunningUntilItsComparisonsHaveDrained() throws Exception {
    // The runner's own shutdown hook used to stop a `start:` candidate as soon as SIGTERM came, so
    // the comparisons being drained failed against a candidate Parity itself had stopped.
    HttpServer legacy = server(false);
    Path suite = project.resolve("fixtures/started");
    Files.createDirectories(suite);
    Files.writeString(suite.resolve("app.py"), SLOW_APP);
    Path arrived = project.resolve("arrived.txt");
    Files.writeString(
        suite.resolve("suite.yaml"),
        "name: started\nlegacy:\n  url: http://127.0.0.1:"
            + legacy.getAddress().getPort()
            + "\ncandidate:\n  start: [python3, \"{suite}/app.py\", \"{port}\", \""
            + arrived
            + "\"]\n  ready: /health\n"
            + "defaults:\n  timeout: 60s\ncompare: [status, body]\n"
            + "cases:\n  - id: people\n    request: {path: /api/people}\n");
    Path out = project.resolve("out");
    URI base =
        startShadow(
            suite.toString(), "--listen", "127.0.0.1:0", "--warmup", "0", "--out", out.toString());

    for (int i = 0; i < 3; i++) {
      assertThat(get(base, "GET", "/api/people").statusCode()).isEqualTo(200);
    }
    // The candidate was started and holds the first comparisons (each for 2 s).
    await("the candidate holds a comparison")
        .atMost(Duration.ofSeconds(120))
        .until(() -> Files.exists(arrived) && !Files.readString(arrived).isEmpty());
    terminate();

    JsonNode verdict = JSON.readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("reasons").get(0).asText()).contains("3 requests received, 3 compared");
    assertThat(verdict.path("counts").path("errors").asInt()).isZero();
    assertThat(verdict.path("counts").path("passed").asInt()).isEqualTo(3);
    // ...and stopped once they had: nothing Parity started outlives it.
    String app = suite.resolve("app.py").toString();
    await("the candidate stopped")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(
                        p -> p.info().commandLine().map(c -> c.contains(app)).orElse(false)));
  }

  @Test
  void sigtermDrainsTheComparisonsInFlightWritesTheFinalVerdictAndOnlyWholeRecordedCases()
      throws Exception {
    HttpServer legacy = server(false);
    HttpServer candidate = server(true);
    Path suite = suite(legacy, candidate);
    // Long enough that no comparison can end while the candidate holds its answers.
    Files.writeString(
        suite.resolve("suite.yaml"),
        Files.readString(suite.resolve("suite.yaml")).replace("timeout: 3s", "timeout: 120s"));
    Path recorded = project.resolve("fixtures/recorded");
    Path out = project.resolve("out");
    URI base =
        startShadow(
            suite.toString(),
            "--listen",
            "127.0.0.1:0",
            "--record",
            recorded.toString(),
            "--sample",
            "1",
            "--out",
            out.toString());

    for (int i = 1; i <= 5; i++) {
      assertThat(new String(get(base, "GET", "/slow/" + i).body(), StandardCharsets.UTF_8))
          .isEqualTo("ok /slow/" + i + "\n");
    }
    // Both workers are inside the candidate, the other three requests wait in the queue.
    await("comparisons in flight")
        .atMost(Duration.ofSeconds(120))
        .until(() -> slowArrived.get() == 2);
    // Every client had its answer while the candidate held every comparison: none has ended.
    assertThat(awaitCompared(base, 0).path("counts").path("total").asInt()).isZero();
    shadow.destroy(); // SIGTERM while nothing is compared yet
    release.countDown();
    terminate();

    JsonNode verdict = JSON.readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("counts").path("total").asInt()).isEqualTo(5);
    assertThat(verdict.path("counts").path("passed").asInt()).isEqualTo(5);
    assertThat(verdict.path("reasons").get(0).asText())
        .contains("5 requests received, 5 compared", "0 dropped from comparison", "0 waiting");
    assertThat(Files.readString(project.resolve("shadow.log")))
        .contains("5 cases recorded in " + recorded);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(recorded)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    // The suite file and one whole case per request: nothing half-written, no temporary left.
    assertThat(files).hasSize(6).contains(recorded.resolve("suite.yaml"));
    List<String> paths = new ArrayList<>();
    for (Path file : files.subList(0, 5)) {
      assertThat(file.getFileName().toString()).matches("get-\\d{6}\\.yaml");
      JsonNode doc = YAML.readTree(file.toFile());
      assertThat(doc.path("tags").get(0).asText()).isEqualTo("slow");
      paths.add(doc.path("request").path("path").asText());
    }
    assertThat(paths)
        .containsExactlyInAnyOrder("/slow/1", "/slow/2", "/slow/3", "/slow/4", "/slow/5");
  }
}
