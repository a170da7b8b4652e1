package dev.parity.har;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the requests of a HAR 1.2 file ({@code log.entries[].request}); every problem names the
 * entry and the field.
 */
public final class HarReader {
  /** A HAR is read whole; a larger one is refused rather than filling the heap. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  /** A case's body is kept in the suite; a larger one is refused. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** A URL's scheme (RFC 3986 3.1); only http and https requests can become cases. */
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

  private static final Set<String> HTTP = Set.of("http", "https");

  private HarReader() {}

  /**
   * What a HAR holds.
   *
   * @param entries its HTTP requests, in the order captured
   * @param skipped the entries that are not HTTP ({@code data:}, {@code blob:}, WebSocket...), as
   *     {@code entries[i] scheme:}
   */
  public record HarFile(List<HarEntry> entries, List<String> skipped) {
    public HarFile {
      entries = List.copyOf(entries);
      skipped = List.copyOf(skipped);
    }
  }

  /** The HTTP requests of {@code har}, in the order captured. */
  public static List<HarEntry> read(Path har) {
    return file(har).entries();
  }

  /** The requests of {@code har}, and the entries skipped as not HTTP. */
  public static HarFile file(Path har) {
    JsonNode root;
    try {
      if (!Files.isRegularFile(har)) {
        throw new HarException(har + ": not a regular file; give the path of a .har file");
      }
      if (Files.size(har) > MAX_FILE_BYTES) {
        throw new HarException(
            har
                + ": "
                + Files.size(har)
                + " bytes, more than the "
                + MAX_FILE_BYTES
                + " a HAR may have; export fewer requests");
      }
      root = JSON.readTree(har.toFile());
    } catch (JsonProcessingException e) {
      throw new HarException(
          har
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": not JSON: "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new HarException(har + ": cannot read: " + e.getMessage());
    }
    JsonNode entries = root == null ? null : root.path("log").get("entries");
    if (entries == null || !entries.isArray()) {
      throw new HarException(
          har + ": no [log.entries] list; a HAR file holds {\"log\": {\"entries\": [...]}}");
    }
    List<HarEntry> read = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Matcher scheme = SCHEME.matcher(entries.get(i).path("request").path("url").asText(""));
      if (scheme.lookingAt() && !HTTP.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
        skipped.add("entries[" + i + "] " + scheme.group());
        continue;
      }
      read.add(entry(har, i, entries.get(i).path("request")));
    }
    return new HarFile(read, skipped);
  }

  private static HarEntry entry(Path har, int index, JsonNode request) {
    String where = har + ": [log.entries[" + index + "].request";
    String method = text(request, "method", where).toUpperCase(Locale.ROOT);
    String url = text(request, "url", where);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new HarException(where + ".url] [" + url + "] is not a URL: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.getRawPath() == null || uri.getHost() == null) {
      throw new HarException(where + ".url] [" + url + "] is not an absolute http(s) URL");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (JsonNode header : request.path("headers")) {
      headers.add(
          new SimpleImmutableEntry<>(
              text(header, "name", where + ".headers[]"), header.path("value").asText("")));
    }
    return new HarEntry(index, method, uri, headers, body(where, request.path("postData")));
  }

  private static Optional<byte[]> body(String where, JsonNode postData) {
    JsonNode text = postData.get("text");
    if (text == null || text.isNull()) {
      return params(where, postData);
    }
    if (!text.isTextual()) {
      throw new HarException(where + ".postData.text] is not a string");
    }
    byte[] bytes;
    if ("base64".equalsIgnoreCase(postData.path("encoding").asText(""))) {
      try {
        bytes = Base64.getDecoder().decode(text.textValue().replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new HarException(where + ".postData.text] is not base64: " + e.getMessage());
      }
    } else {
      bytes = text.textValue().getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new HarException(
          where
              + ".postData] has "
              + bytes.length
              + " bytes, more than the "
              + MAX_BODY_BYTES
              + " a case's body may have; remove the entry from the HAR");
    }
    return Optional.of(bytes);
  }

  /**
   * A body given only as {@code postData.params}: rebuilt when it is a form (the HAR 1.2 meaning of
   * params), refused otherwise, since its bytes are not in the HAR and an empty body in their place
   * could make a case pass that should not.
   */
  private static Optional<byte[]> params(String where, JsonNode postData) {
    JsonNode params = postData.path("params");
    if (!params.isArray() || params.isEmpty()) {
      return Optional.empty();
    }
    boolean form =
        postData
            .path("mimeType")
            .asText("")
            .toLowerCase(Locale.ROOT)
            .startsWith("application/x-www-form-urlencoded");
    boolean files = false;
    for (JsonNode param : params) {
      files |= param.has("fileName") || !param.path("value").isValueNode();
    }
    if (!form || files) {
      throw new HarException(
          where
              + ".postData] has params but no text, so the bytes sent are not in the HAR"
              + " (chrome-har writes JSON bodies so); export the HAR with postData.text (DevTools'"
              + " \"Save all as HAR\", or"
              + " harness/report-browser-tests/src/test/har-capture/har.mjs), or remove the entry");
    }
    StringJoiner body = new StringJoiner("&");
    for (JsonNode param : params) {
      body.add(
          URLEncoder.encode(text(param, "name", where + ".postData.params[]"), UTF_8)
              + "="
              + URLEncoder.encode(param.path("value").asText(""), UTF_8));
    }
    return Optional.of(body.toString().getBytes(UTF_8));
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new HarException(
          where + "." + field + "] is missing or not a string; is this a HAR 1.2 file?");
    }
    return value.textValue();
  }
}
