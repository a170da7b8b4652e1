package dev.parity.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Redaction;
import dev.parity.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAR import on captures made by real headless Chromium 156 (chromium-156/: its DevTools Network
 * events from chromedriver's performance log, turned into HARs by chrome-har 1.3.1; see
 * chromium-156/PROVENANCE.md). chromium.har is what harness/report-browser-tests' har.mjs writes;
 * chrome-har-as-is.har is chrome-har's own output, whose bodies are params only.
 */
class RealChromiumHarTests {
  private static final String APP = "http://127.0.0.1:43267";

  @TempDir Path root;

  private Path capture(String name) throws IOException {
    Path har = root.resolve(name);
    try (InputStream in =
        Objects.requireNonNull(
            RealChromiumHarTests.class.getResourceAsStream("chromium-156/" + name))) {
      Files.write(har, in.readAllBytes());
    }
    return har;
  }

  private static List<HarEntry> of(List<HarEntry> entries, String origin) {
    return entries.stream()
        .filter(e -> (e.url().getScheme() + "://" + e.url().getRawAuthority()).equals(origin))
        .toList();
  }

  private static HarImport.Result imported(List<HarEntry> entries) {
    return new HarImport(Redactor.of(Redaction.defaults()), true).cases(entries);
  }

  private static HarCase one(HarImport.Result result, String id) {
    return result.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> headers(HarCase c) {
    return (Map<String, String>) c.request().get("headers");
  }

  @Test
  void theCaptureBecomesOneCasePerDistinctRequest() throws IOException {
    List<HarEntry> entries = HarReader.read(capture("chromium.har"));
    HarImport.Result result = imported(of(entries, APP));

    assertThat(entries).hasSize(14);
    assertThat(result.cases())
        .extracting(HarCase::id)
        .containsExactly(
            "har/get/root",
            "har/get/img/logo.png",
            "har/get/api/items",
            "har/get/favicon.ico",
            "har/post/api/items",
            "har/get/api/search",
            "har/get/img/logo.png-2",
            "har/get/old",
            "har/get/new",
            "har/post/api/orders",
            "har/put/api/bytes");
    assertThat(result.duplicates()).isOne();
    HarCase items = one(result, "har/get/api/items");
    assertThat(items.request())
        .containsEntry("path", "/api/items")
        .containsEntry("query", Map.of("page", "2", "sort", "name", "q", "café"));
    assertThat(headers(items))
        .containsOnlyKeys("Referer", "Accept", "Accept-Language", "Cookie")
        .containsEntry("Cookie", "<redacted sha256:a417c56990f06593>");
    assertThat(one(result, "har/get/api/search").request().get("query"))
        .isEqualTo(Map.of("token", "<redacted sha256:1798a05fab989624>", "q", "ink"));
    assertThat(one(result, "har/post/api/items").request())
        .containsEntry("body", "{\"name\":\"pen\",\"tags\":[\"blue\"],\"price\":2}");
    assertThat(one(result, "har/post/api/orders").request())
        .containsEntry("body", "name=ink+pot&qty=3");
    assertThat(one(result, "har/put/api/bytes").bodyFile())
        .hasValue(new byte[] {0, 1, 2, (byte) 255, (byte) 254, 10});
  }

  @Test
  void aHeaderLineChromiumReportsTwiceIsSentOnce() throws IOException {
    // chrome-har lists the headers of Network.requestWillBeSent and then those of its ExtraInfo
    // event (the ones sent on the wire): most lines twice. Joined, "Content-Type:
    // application/json, application/json" would be sent, which the browser never did.
    HarImport.Result result = imported(of(HarReader.read(capture("chromium.har")), APP));

    HarCase post = one(result, "har/post/api/items");
    assertThat(headers(post))
        .containsEntry("Content-Type", "application/json")
        .containsEntry("X-Api-Key", "<redacted sha256:3a005ea15846ad5a>")
        .containsEntry("Referer", APP + "/")
        .containsEntry("Origin", APP);
  }

  @Test
  void theCrossOriginPreflightIsACaseOfTheOtherOrigin() throws IOException {
    HarImport.Result result =
        imported(of(HarReader.read(capture("chromium.har")), "http://127.0.0.1:33745"));

    assertThat(result.cases())
        .extracting(HarCase::id)
        .containsExactly("har/get/api/cors", "har/options/api/cors");
    assertThat(headers(one(result, "har/options/api/cors")))
        .containsEntry("Access-Control-Request-Method", "GET")
        .containsEntry("Access-Control-Request-Headers", "x-parity");
  }

  @Test
  void aFormBodyGivenOnlyAsParamsIsRebuiltAndAJsonOneRefused() throws IOException {
    // chrome-har writes form and JSON bodies as postData.params with no text. Read as "no body",
    // a POST would be replayed empty and could pass against a candidate that ignores its body.
    Path asIs = capture("chrome-har-as-is.har");
    assertThatThrownBy(() -> HarReader.read(asIs))
        .isInstanceOf(HarException.class)
        .hasMessage(
            asIs
                + ": [log.entries[5].request.postData] has params but no text, so the bytes sent"
                + " are not in the HAR (chrome-har writes JSON bodies so); export the HAR with"
                + " postData.text (DevTools' \"Save all as HAR\", or"
                + " harness/report-browser-tests/src/test/har-capture/har.mjs), or remove the"
                + " entry");

    // The form POST of the same capture, as chrome-har wrote it.
    Path form = root.resolve("form.har");
    Files.writeString(
        form,
        "{\"log\": {\"entries\": [{\"request\": {\"method\": \"POST\", \"url\": \""
            + APP
            + "/api/orders\", \"headers\": [], \"postData\": {\"mimeType\":"
            + " \"application/x-www-form-urlencoded;charset=UTF-8\", \"params\": [{\"name\":"
            + " \"name\", \"value\": \"ink pot\"}, {\"name\": \"qty\", \"value\": \"3\"},"
            + " {\"name\": \"note\", \"value\": \"a&b=c/é\"}]}}}]}}",
        StandardCharsets.UTF_8);
    assertThat(HarReader.read(form).get(0).body())
        .hasValueSatisfying(
            b ->
                assertThat(new String(b, StandardCharsets.UTF_8))
                    .isEqualTo("name=ink+pot&qty=3&note=a%26b%3Dc%2F%C3%A9"));
  }

  @Test
  void entriesThatAreNotHttpAreSkippedAndNamed() throws IOException {
    // Browsers' own exports can hold data: and blob: URLs and WebSocket handshakes: no HTTP case
    // can replay them, and one of them must not make the whole capture unimportable.
    Path har = root.resolve("mixed.har");
    Files.writeString(
        har,
        "{\"log\": {\"entries\": ["
            + String.join(
                ", ",
                get("data:text/plain,hello"),
                get(APP + "/api/items"),
                get("blob:" + APP + "/0b1e6e3c-7a52-4c1b-9a8a-5d1e8f3b1a7e"),
                get("wss://127.0.0.1:43267/socket"),
                get("chrome-extension://abc/script.js"))
            + "]}}",
        StandardCharsets.UTF_8);

    HarReader.HarFile file = HarReader.file(har);

    assertThat(file.entries()).extracting(HarEntry::index).containsExactly(1);
    assertThat(file.skipped())
        .containsExactly(
            "entries[0] data:",
            "entries[2] blob:",
            "entries[3] wss:",
            "entries[4] chrome-extension:");
  }

  @Test
  void oneHeaderSpelledTwoWaysIsOneHeader() throws IOException {
    // Over HTTP/2 Chromium's wire headers are lower case while its provisional ones are not.
    Path har = root.resolve("h2.har");
    Files.writeString(
        har,
        "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \""
            + APP
            + "/\", \"headers\": [{\"name\": \"Accept\", \"value\": \"*/*\"}, {\"name\":"
            + " \":authority\", \"value\": \"127.0.0.1\"}, {\"name\": \"accept\", \"value\":"
            + " \"*/*\"}, {\"name\": \"X-Tag\", \"value\": \"a\"}, {\"name\": \"x-tag\","
            + " \"value\": \"b\"}]}}]}}",
        StandardCharsets.UTF_8);

    assertThat(headers(imported(HarReader.read(har)).cases().get(0)))
        .containsExactly(Map.entry("Accept", "*/*"), Map.entry("X-Tag", "a, b"));
  }

  @Test
  void aMultipartFormGivenAsParamsIsRefused() throws IOException {
    Path har = root.resolve("upload.har");
    Files.writeString(
        har,
        "{\"log\": {\"entries\": [{\"request\": {\"method\": \"POST\", \"url\": \""
            + APP
            + "/upload\", \"headers\": [], \"postData\": {\"mimeType\":"
            + " \"application/x-www-form-urlencoded\", \"params\": [{\"name\": \"f\","
            + " \"fileName\": \"a.txt\", \"value\": \"x\"}]}}}]}}",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> HarReader.read(har))
        .isInstanceOf(HarException.class)
        .hasMessageContaining("[log.entries[0].request.postData] has params but no text");
  }

  private static String get(String url) {
    return "{\"request\": {\"method\": \"GET\", \"url\": \"" + url + "\", \"headers\": []}}";
  }
}
