package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a HAR imported into a new suite, recorded and verified against a real server. */
class HarCliTests {
  @TempDir Path root;
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              (exchange.getRequestMethod()
                      + " "
                      + exchange.getRequestURI()
                      + " "
                      + new String(
                          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private Path har(String... entries) throws Exception {
    StringBuilder json = new StringBuilder("{\"log\": {\"version\": \"1.2\", \"entries\": [");
    for (int i = 0; i < entries.length; i++) {
      json.append(i == 0 ? "" : ",").append(entries[i]);
    }
    Path file = root.resolve("capture.har");
    Files.writeString(file, json.append("]}}").toString());
    return file;
  }

  private String request(String method, String pathAndQuery, String body) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    return "{\"request\": {\"method\": \""
        + method
        + "\", \"url\": \""
        + url
        + "\", \"headers\":"
        + " [{\"name\": \"Accept\", \"value\": \"*/*\"}, {\"name\": \"User-Agent\", \"value\":"
        + " \"HeadlessChrome\"}]"
        + (body.isEmpty()
            ? ""
            : ", \"postData\": {\"mimeType\":" + " \"text/plain\", \"text\": \"" + body + "\"}")
        + "}}";
  }

  @Test
  void anImportedHarIsRecordedAndVerified() throws Exception {
    Path suite = root.resolve("fixtures/shop");
    Path har =
        har(
            request("GET", "/api/items?page=2", ""),
            request("GET", "/api/items?page=2", ""),
            request("POST", "/api/items", "name=pen"));

    Cli refused = Cli.run("import", "har", har.toString(), "--suite", suite.toString());
    boolean writtenWhenRefused = Files.exists(suite);
    Cli imported =
        Cli.run(
            "import", "har", har.toString(), "--suite", suite.toString(), "--allow-side-effects");
    Cli record = Cli.run("record", suite.toString());
    Cli verify = Cli.run("verify", suite.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith(
            "parity: import har: 1 requests can change data on the server (entries[2] POST"
                + " /api/items)");
    assertThat(writtenWhenRefused).isFalse();
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Imported 2 cases from 3 requests", "1 identical requests kept once");
    assertThat(record.exitCode()).as(record.out() + record.err()).isZero();
    assertThat(Files.readString(root.resolve("golden/shop/har/get/api/items/body")))
        .isEqualTo("GET /api/items?page=2 ");
    assertThat(Files.readString(root.resolve("golden/shop/har/post/api/items/body")))
        .isEqualTo("POST /api/items name=pen");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void entriesThatAreNotHttpAreSkippedAndSaidSo() throws Exception {
    Path suite = root.resolve("fixtures/mixed");
    Path har =
        har(
            "{\"request\": {\"method\": \"GET\", \"url\": \"data:text/plain,hello\"}}",
            request("GET", "/api/items", ""));

    Cli imported = Cli.run("import", "har", har.toString(), "--suite", suite.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains(
            "Imported 1 cases from 1 requests",
            "Skipped 1 entries that are not HTTP requests (entries[0] data:)");
  }
}
