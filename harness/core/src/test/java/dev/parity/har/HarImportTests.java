package dev.parity.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.Redaction;
import dev.parity.fixture.SuiteLoader;
import dev.parity.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAR import on a capture in Chromium's format (HTTP/1.1 and HTTP/2 entries, cookies, a bearer
 * token, a secret query parameter, a repeated request, a JSON POST and a base64 PUT) and on hostile
 * HARs.
 */
class HarImportTests {
  @TempDir Path root;

  private Path chromiumHar() throws IOException {
    Path har = root.resolve("capture.har");
    try (InputStream in =
        Objects.requireNonNull(HarImportTests.class.getResourceAsStream("chromium.har"))) {
      Files.write(har, in.readAllBytes());
    }
    return har;
  }

  private static HarImport.Result imported(Path har, boolean allowSideEffects) {
    return new HarImport(Redactor.of(Redaction.defaults()), allowSideEffects)
        .cases(HarReader.read(har));
  }

  @Test
  void aCaptureBecomesOneCasePerDistinctRequestWithoutVolatileHeadersOrSecrets()
      throws IOException {
    HarImport.Result result = imported(chromiumHar(), true);

    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.cases())
        .extracting(HarCase::id)
        .containsExactly(
            "har/get/api/people",
            "har/get/api/people/1",
            "har/post/api/people",
            "har/put/api/people/1/photo");
    Map<String, Object> list = result.cases().get(0).request();
    assertThat(list.get("path")).isEqualTo("/api/people");
    assertThat(list.get("query"))
        .isEqualTo(Map.of("sort", "name", "token", Redactor.marker("s3cr3t-t0ken-value")));
    assertThat(list.get("headers"))
        .isEqualTo(
            Map.of(
                "Accept", "application/json",
                "Accept-Language", "en-US,en;q=0.9",
                "Cookie", Redactor.marker("session=abcdef0123456789")));
    assertThat(result.cases().get(1).request().get("headers"))
        .isEqualTo(
            Map.of(
                "accept",
                "application/json",
                "authorization",
                Redactor.marker("Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature")));
    assertThat(result.cases().get(2).request().get("body"))
        .isEqualTo("{\"name\":\"Grace\",\"password\":\"x\"}");
    assertThat(result.cases().get(3).request().get("body"))
        .isEqualTo("@har/put/api/people/1/photo.body");
    assertThat(result.cases().get(3).bodyFile().orElseThrow())
        .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
  }

  @Test
  void sideEffectsAreRefusedUnlessAllowed() throws IOException {
    Path har = chromiumHar();

    assertThatThrownBy(() -> imported(har, false))
        .isInstanceOf(HarException.class)
        .hasMessage(
            "2 requests can change data on the server (entries[3] POST /api/people, entries[4] PUT"
                + " /api/people/1/photo); replaying them writes to both implementations. Pass"
                + " --allow-side-effects to import them (the suite then sets allowSideEffects:"
                + " true), or remove them from the HAR");
  }

  @Test
  void theWrittenSuiteLoadsWithTheImportedRequests() throws IOException {
    Path suite = root.resolve("fixtures/shop");
    HarImport.Result result = imported(chromiumHar(), true);

    List<String> written =
        HarSuiteWriter.write(suite, result.cases(), URI.create("http://127.0.0.1:8080/x"), true);

    assertThat(written).contains("suite.yaml", "har/put/api/people/1/photo.body");
    List<Case> cases = new SuiteLoader().load(suite).cases();
    assertThat(cases).hasSize(4);
    HttpCase put = (HttpCase) cases.get(3);
    assertThat(put.request().method()).isEqualTo("PUT");
    assertThat(put.request().body().orElseThrow().bytes())
        .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    assertThat(Files.readString(suite.resolve("suite.yaml")))
        .contains("url: http://127.0.0.1:8080", "allowSideEffects: true");
    assertThatThrownBy(
            () -> HarSuiteWriter.write(suite, result.cases(), URI.create("http://h"), true))
        .isInstanceOf(HarException.class)
        .hasMessageEndingWith(
            "exists already; import into another folder, or remove the earlier"
                + " import (nothing was written)");
  }

  @Test
  void pathsThatDifferOnlyInLetterCaseGetIdsASuiteAccepts() throws IOException {
    Path har = root.resolve("case.har");
    Files.writeString(
        har,
        "{\"log\": {\"entries\": ["
            + "{\"request\": {\"method\": \"GET\", \"url\": \"http://h/Users\", \"headers\": []}},"
            + "{\"request\": {\"method\": \"GET\", \"url\": \"http://h/users\", \"headers\": []}}"
            + "]}}");
    HarImport.Result result = imported(har, false);
    Path suite = root.resolve("fixtures/users");

    HarSuiteWriter.write(suite, result.cases(), URI.create("http://h"), false);

    assertThat(result.cases())
        .extracting(HarCase::id)
        .containsExactly("har/get/Users", "har/get/users-2");
    assertThat(new SuiteLoader().load(suite).cases()).hasSize(2);
  }

  @Test
  void aLinkedFolderIsNeverWrittenThrough() throws IOException {
    Path suite = root.resolve("s");
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.createDirectories(suite);
    Files.createSymbolicLink(suite.resolve("har"), elsewhere);
    HarImport.Result result = imported(chromiumHar(), true);

    assertThatThrownBy(
            () -> HarSuiteWriter.write(suite, result.cases(), URI.create("http://h"), true))
        .isInstanceOf(HarException.class)
        .hasMessageContaining("is a symbolic link; parity does not write through links");
    assertThat(elsewhere).isEmptyDirectory();
    assertThat(suite.resolve("suite.yaml")).doesNotExist();
  }

  @Test
  void hostileHarsAreRefusedWithWhereAndWhy() throws IOException {
    assertThat(refusal("{\"log\": {}}"))
        .isEqualTo(
            "h.har: no [log.entries] list; a HAR file holds {\"log\": {\"entries\": [...]}}");
    assertThat(refusal("{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\"}}]}}"))
        .isEqualTo(
            "h.har: [log.entries[0].request.url] is missing or not a string; is this a HAR 1.2"
                + " file?");
    assertThat(refusal("{\"log\": {\"entries\": [{}]}}"))
        .isEqualTo(
            "h.har: [log.entries[0].request.method] is missing or not a string; is this a HAR 1.2"
                + " file?");
    assertThat(
            refusal(
                "{\"log\": {\"entries\": ["
                    + entry("\"text\": \"%%%\", \"encoding\": \"base64\"")
                    + "]}}"))
        .startsWith("h.har: [log.entries[0].request.postData.text] is not base64: ");
    assertThat(refusal("{\"log\": ")).startsWith("h.har:1:9: not JSON: Unexpected end-of-input");
    String huge = "a".repeat(HarReader.MAX_BODY_BYTES + 1);
    assertThat(refusal("{\"log\": {\"entries\": [" + entry("\"text\": \"" + huge + "\"") + "]}}"))
        .isEqualTo(
            "h.har: [log.entries[0].request.postData] has 8388609 bytes, more than the 8388608 a"
                + " case's body may have; remove the entry from the HAR");
  }

  private static String entry(String postData) {
    return "{\"request\": {\"method\": \"POST\", \"url\": \"http://h/p\", \"headers\": [],"
        + " \"postData\": {"
        + postData
        + "}}}";
  }

  private String refusal(String har) throws IOException {
    Path file = root.resolve("h.har");
    Files.writeString(file, har, StandardCharsets.UTF_8);
    return assertThatThrownBy(() -> imported(file, true))
        .isInstanceOf(HarException.class)
        .actual()
        .getMessage()
        .replace(root + "/", "");
  }
}
