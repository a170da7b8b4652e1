package dev.parity.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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

  private HarReader() {}

  /** The requests of {@code har}, in the order captured. */
  public static List<HarEntry> read(Path har) {
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
    for (int i = 0; i < entries.size(); i++) {
      read.add(entry(har, i, entries.get(i).path("request")));
    }
    return read;
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
      return Optional.empty();
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

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new HarException(
          where + "." + field + "] is missing or not a string; is this a HAR 1.2 file?");
    }
    return value.textValue();
  }
}
