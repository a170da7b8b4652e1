package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI on small HTTP suites in temporary folders, against real servers (python3 and the
 * JDK's).
 */
@Timeout(120)
class HttpCliTests {
  @TempDir Path project;

  record Result(int exit, String out, String err) {}

  static Result parity(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }

  private Path suite(String yaml) throws IOException {
    Path folder = project.resolve("fixtures/web");
    Files.createDirectories(folder);
    try (InputStream app = HttpCliTests.class.getResourceAsStream("/http-test-app.py")) {
      Files.copy(app, folder.resolve("app.py"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(folder.resolve("suite.yaml"), yaml);
    return folder;
  }

  private static final String SIDES = sidesWithCandidate("ready: /health");

  /**
   * Both sides run the suite's app.py (told which side it is by VARIANT); the candidate's last
   * settings are {@code candidateTail}, e.g. its ready path.
   */
  private static String sidesWithCandidate(String candidateTail) {
    return """
        name: web
        legacy:
          start: [python3, "{suite}/app.py", "{port}"]
          env: {VARIANT: legacy}
          ready: /health
        candidate:
          start: [python3, "{suite}/app.py", "{port}"]
          env: {VARIANT: candidate}
        """
        + candidateTail.indent(2);
  }

  private long serversOf(Path suite) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(line -> line.contains(suite.resolve("app.py").toString()))
                    .orElse(false))
        .count();
  }

  private JsonNode verdict() throws IOException {
    return JsonMapper.builder()
        .build()
        .readTree(project.resolve("reports/web/verdict.json").toFile());
  }

  @Test
  void recordsVerifiesAndComparesServersTheHarnessStarts() throws IOException {
    Path suite =
        suite(
            SIDES
                + """
                cases:
                  - id: item
                    request: {path: /item}
                  - id: same
                    request: {path: /other, headers: {Accept: text/plain}}
                """);

    Result record = parity("record", suite.toString());
    assertThat(record.exit()).as(record.out() + record.err()).isZero();
    Path golden = project.resolve("golden/web/item");
    assertThat(Files.readString(golden.resolve("headers")))
        .isEqualTo("content-type: application/json\n");
    assertThat(Files.readString(golden.resolve("body")))
        .isEqualTo("{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}");
    assertThat(Files.readString(golden.resolve("body.pretty.json")))
        .isEqualTo(
            "{\n  \"id\": 1,\n  \"name\": \"Ann\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ]\n}\n");
    assertThat(Files.readString(golden.resolve("meta.yaml"))).contains("values:\n  status: 200\n");

    Result verify = parity("verify", suite.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out())
        .contains("parity verify web: 2 cases, 1 passed, 1 failed, 0 errors")
        .contains("FAIL item  (body differ)")
        .contains(
            "-{\"id\":1,\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}",
            "+{\"id\":1,\"name\":\"Anne\",\"tags\":[\"a\",\"b\"]}");

    Result compare = parity("compare", suite.toString());
    assertThat(compare.exit()).isEqualTo(1);
    assertThat(compare.out()).contains("FAIL item  (body differ)").doesNotContain("FAIL same");
    assertThat(serversOf(suite))
        .as("every server the harness started is stopped after the run")
        .isZero();
  }

  @Test
  void gateAndBenchMeasureServersTheHarnessStartsAndWriteEveryReport() throws IOException {
    Path suite =
        suite(
            SIDES
                + """
                cases:
                  - id: same
                    request: {path: /other, headers: {Accept: text/plain}}
                    tags: [bench]
                """);
    assertThat(parity("record", suite.toString()).exit()).isZero();

    Result gate = parity("gate", suite.toString(), "--time-budget", "3s");

    assertThat(gate.out())
        .as(gate.out() + gate.err())
        .contains(
            "parity verify web: 1 cases, 1 passed",
            "Report: " + project.resolve("reports/web/index.html"));
    JsonNode verdict = verdict();
    assertThat(verdict.get("counts").get("passed").asInt()).isEqualTo(1);
    assertThat(verdict.get("performance").get("status").asText()).isNotEqualTo("error");
    assertThat(verdict.get("performance").get("cases").get(0).get("rounds").asInt()).isPositive();
    assertThat(project.resolve("reports/web/index.html")).exists();
    assertThat(project.resolve("reports/web/bench.json")).exists();
    assertThat(serversOf(suite)).as("gate stops the servers it started").isZero();

    Result bench = parity("bench", suite.toString(), "--time-budget", "2s");
    assertThat(bench.exit()).as(bench.out() + bench.err()).isIn(0, 1);
    assertThat(bench.out()).contains("same");
    assertThat(serversOf(suite)).isZero();
  }

  @Test
  void recordsAndVerifiesAnAlreadyRunningServiceByUrl() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("you asked for " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path suite =
          suite(
              "name: web\nlegacy: {url: \""
                  + base
                  + "\", ready: /}\ncandidate: {url: \""
                  + base
                  + "/\"}\n"
                  + "cases:\n  - id: search\n    request: {path: /search, query: {q: \"a b\"}}\n");

      assertThat(parity("record", suite.toString()).exit()).isZero();
      assertThat(Files.readString(project.resolve("golden/web/search/body")))
          .isEqualTo("you asked for /search?q=a+b");
      Result verify = parity("verify", suite.toString());
      assertThat(verify.exit()).as(verify.out()).isZero();
      assertThat(verify.out()).contains("Decision: candidate");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableServiceMakesEveryCaseAnErrorAndExits3() throws IOException {
    Path suite =
        suite(
            """
            name: web
            legacy: {url: "http://127.0.0.1:1"}
            candidate: {url: "http://127.0.0.1:1"}
            cases:
              - id: a
                request: {path: /a}
              - id: b
                request: {path: /b}
            """);

    Result record = parity("record", suite.toString());

    assertThat(record.exit()).isEqualTo(3);
    assertThat(record.out())
        .contains(
            "0 passed, 0 failed, 2 errors",
            "ERROR a  (legacy could not be run: cannot connect to http://127.0.0.1:1");
    JsonNode verdict = verdict();
    assertThat(verdict.get("unavailable")).hasSize(1);
    assertThat(verdict.get("unavailable").get(0).asText())
        .startsWith(
            "legacy implementation could not be run: cannot connect to http://127.0.0.1:1: ");
  }

  @Test
  void aServerThatNeverGetsReadyIsReportedWithItsSideAndLogTailAndExits3() throws IOException {
    Path suite =
        suite(
            sidesWithCandidate("ready: /missing\nstartTimeout: 8s")
                + "cases:\n  - id: item\n    request: {path: /item}\n");

    Result compare = parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(3);
    assertThat(compare.out())
        .contains(
            "ERROR item  (candidate could not be run: server [python3 "
                + suite
                + "/app.py {port}] did not answer 2xx on [/missing] within 8s (last attempt: status 404)")
        .contains("last lines of its output:")
        .contains("| candidate \"GET /missing HTTP/1.1\" 404");
    assertThat(serversOf(suite)).isZero();
  }

  @Test
  void writesAreRefusedUnlessTheSuiteAllowsSideEffects() throws IOException {
    String cases =
        "cases:\n  - id: create\n    request: {method: POST, path: /items, body: {name: x}}\n";
    Path suite = suite(SIDES + cases);

    Result refused = parity("compare", suite.toString());

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo(
            "parity: configuration error: "
                + suite.resolve("suite.yaml")
                + ":12:23: case [create] sends [POST], which may change data on the systems under test;"
                + " set allowSideEffects: true in suite.yaml if running writes against both implementations is intended\n");

    suite(SIDES + "allowSideEffects: true\n" + cases);
    Result allowed = parity("compare", suite.toString());
    assertThat(allowed.exit()).as(allowed.out() + allowed.err()).isZero();
  }

  @Test
  void brokenResponsesAreFactsOrErrorsAndNeverHangTheRun() throws IOException {
    Path suite =
        suite(
            SIDES
                + """
                defaults: {timeout: 10s}
                cases:
                  - id: boom
                    request: {path: /boom}
                  - id: drop
                    request: {path: /drop}
                  - id: hang
                    request: {path: /hang}
                  - id: huge
                    request: {path: /huge}
                """);

    Result compare = parity("compare", suite.toString());

    assertThat(compare.exit()).as(compare.out() + compare.err()).isEqualTo(1);
    assertThat(compare.out())
        .contains("4 cases, 0 passed, 1 failed, 3 errors")
        .contains("FAIL boom  (status, body differ)")
        .contains("status : legacy 200, candidate 500")
        .contains("ERROR drop  (candidate GET http://127.0.0.1:")
        .contains("/drop: the connection broke off during the body (")
        .containsPattern(
            "ERROR hang  \\(candidate GET http://127\\.0\\.0\\.1:\\d+/hang: no (complete )?response within 10s")
        .contains(
            "/huge: the response body exceeded the limit of 33554432 bytes; the connection was closed");
    assertThat(serversOf(suite)).isZero();
  }

  @Test
  void terminatingParityStopsTheServersItStartedAndTheirChildren() throws Exception {
    Path pidFile = project.resolve("child.pid");
    Path suite =
        suite(
            """
            name: web
            legacy:
              start: [sh, -c, 'sleep 300 & echo $! > "$PID_FILE"; exec python3 "$PARITY_SUITE/app.py" "$0"', "{port}"]
              env: {VARIANT: candidate, PID_FILE: "%s"}
              ready: /health
            candidate:
              start: [python3, "{suite}/app.py", "{port}"]
            defaults: {timeout: 5m}
            cases:
              - id: hang
                request: {path: /hang}
            """
                .formatted(pidFile));
    Process parity =
        ParityJvm.process("record", suite.toString())
            .redirectErrorStream(true)
            .redirectOutput(project.resolve("parity.log").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plusSeconds(60);
      while (serversOf(suite) == 0 || !(Files.exists(pidFile) && Files.size(pidFile) > 0)) {
        assertThat(Instant.now())
            .as(Files.readString(project.resolve("parity.log")))
            .isBefore(deadline);
        Thread.sleep(50);
      }
      long child = Long.parseLong(Files.readString(pidFile).trim());

      parity.destroy(); // SIGTERM, as CI or a Ctrl-C would
      parity.waitFor();

      Instant gone = Instant.now().plusSeconds(20);
      while ((serversOf(suite) > 0
              || ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
          && Instant.now().isBefore(gone)) {
        Thread.sleep(50);
      }
      assertThat(serversOf(suite)).as("the server is stopped").isZero();
      assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
          .as("the server's child %d is stopped", child)
          .isFalse();
    } finally {
      parity.destroyForcibly();
    }
  }
}
