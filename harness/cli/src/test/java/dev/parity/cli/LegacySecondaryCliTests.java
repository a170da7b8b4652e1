package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity compare} with {@code legacySecondary:}: legacy's noise run goes to a second legacy
 * instance (Diffy's primary and secondary), so what differs between instances (a host name) is
 * discounted while a planted difference of the candidate is still found.
 */
@Timeout(120)
class LegacySecondaryCliTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path project;
  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  /**
   * An instance named {@code host} (5 letters: noise of one shape); the candidate greets in lower
   * case, the planted difference.
   */
  static HttpServer instance(
      String host, boolean candidate, AtomicInteger hits, List<HttpServer> servers)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          String body =
              switch (exchange.getRequestURI().getPath()) {
                case "/api/whoami" -> "{\"host\":\"" + host + "\",\"role\":\"web\"}\n";
                case "/api/greet" ->
                    "{\"host\":\""
                        + host
                        + "\",\"greeting\":\""
                        + (candidate ? "hi" : "Hi")
                        + "\"}\n";
                default -> "{}\n";
              };
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    servers.add(server);
    return server;
  }

  static String url(HttpServer server) {
    return "{url: \"http://127.0.0.1:" + server.getAddress().getPort() + "\"}";
  }

  private Path suite(String name, String sides) throws IOException {
    Path folder = project.resolve("fixtures/" + name);
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: "
            + name
            + "\n"
            + sides
            + "cases:\n"
            + "  - {id: whoami, request: {path: /api/whoami}}\n"
            + "  - {id: greet, request: {path: /api/greet}}\n");
    return folder;
  }

  private JsonNode verdict(String name) throws IOException {
    return JSON.readTree(project.resolve("reports/" + name + "/verdict.json").toFile());
  }

  @Test
  void compareDiscountsWhatDiffersBetweenTwoLegacyInstancesAndStillFindsThePlantedDifference()
      throws IOException {
    String primary = url(instance("hosta", false, new AtomicInteger(), servers));
    String secondary = url(instance("hostb", false, new AtomicInteger(), servers));
    String candidate = url(instance("hostc", true, new AtomicInteger(), servers));
    Path both =
        suite(
            "both",
            "legacy: "
                + primary
                + "\nlegacySecondary: "
                + secondary
                + "\ncandidate: "
                + candidate
                + "\n");
    Path single = suite("single", "legacy: " + primary + "\ncandidate: " + candidate + "\n");

    Cli compared = Cli.run("compare", both.toString());
    Cli alone = Cli.run("compare", single.toString());

    assertThat(compared.exitCode()).as(compared.out() + compared.err()).isEqualTo(1);
    JsonNode verdict = verdict("both");
    assertThat(verdict.path("counts").path("passed").asInt()).isEqualTo(1);
    assertThat(verdict.path("counts").path("failed").asInt()).isEqualTo(1);
    assertThat(compared.out()).contains("greet").contains("\"Hi\"", "\"hi\"");
    assertThat(verdict.toString()).contains("legacy runs 1 and 2 (on legacySecondary) differ");
    // The control: one legacy instance answers alike twice, so the host is no noise and fails.
    assertThat(alone.exitCode()).as(alone.out() + alone.err()).isEqualTo(1);
    assertThat(verdict("single").path("counts").path("failed").asInt()).isEqualTo(2);
  }
}
