package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Observation;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shadowed request as the case the candidate and legacy's second call are sent. */
class MirroredTests {
  @TempDir Path folder;

  @Test
  void theCaseCarriesTheClientsMethodTargetHeadersAndBody() throws IOException {
    Mirrored mirrored =
        Mirrored.of(
            suite(),
            7,
            request(
                "POST",
                "/api/items?x=1",
                Map.of("Accept", List.of("a/b", "c/d"), "User-Agent", List.of("t")),
                "{\"a\":1}"));

    assertThat(mirrored.group()).isEqualTo("api");
    assertThat(mirrored.testCase().id()).isEqualTo("shadow/api/7");
    assertThat(mirrored.testCase().tags()).containsExactly("api");
    var sent = mirrored.testCase().request();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/api/items?x=1");
    assertThat(sent.headers()).containsEntry("Accept", "a/b, c/d").containsEntry("User-Agent", "t");
    assertThat(sent.body()).isPresent();
    assertThat(new String(sent.body().get().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
    assertThat(mirrored.legacy().value(Observation.STATUS)).hasValue("200");
    assertThat(mirrored.legacy().stream(Observation.BODY))
        .hasValueSatisfying(
            body -> assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("ok"));
  }

  @Test
  void cookieLinesAreJoinedAsOneCookieHeader() throws IOException {
    Mirrored mirrored =
        Mirrored.of(
            suite(),
            1,
            request(
                "GET",
                "/",
                Map.of("cookie", List.of("a=1", "b=2"), "User-Agent", List.of("t")),
                ""));

    assertThat(mirrored.testCase().request().headers()).containsEntry("cookie", "a=1; b=2");
  }

  @Test
  void aRequestWithoutBodyIsSentWithout() throws IOException {
    Mirrored mirrored =
        Mirrored.of(suite(), 1, request("GET", "/", Map.of("User-Agent", List.of("t")), ""));

    assertThat(mirrored.testCase().request().body()).isEmpty();
  }

  private Suite suite() throws IOException {
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: web\nlegacy: {url: http://127.0.0.1:1}\ncandidate: {url: http://127.0.0.1:1}\n"
            + "cases:\n  - id: read\n    request: {path: /}\n");
    return new SuiteLoader().load(folder);
  }

  private static Mirrored.Request request(
      String method, String target, Map<String, List<String>> headers, String body) {
    LegacyExchange.Answer answer =
        new LegacyExchange.Answer(
            200,
            HttpHeaders.of(Map.of("Content-Type", List.of("text/plain")), (a, b) -> true),
            Optional.of("ok".getBytes(StandardCharsets.UTF_8)),
            Duration.ofMillis(1));
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    return new Mirrored.Request(method, path, target, headers, body, answer);
  }
}
