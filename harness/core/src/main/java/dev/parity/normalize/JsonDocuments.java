package dev.parity.normalize;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON text as a list of values: one document, JSON Lines, or concatenated values (the output of
 * {@code jq -c}). Numbers keep their written precision ({@code 1.0} stays {@code 1.0}).
 */
public final class JsonDocuments {
  /** Larger texts are compared as text only. */
  public static final int MAX_CHARS = 16 * 1024 * 1024;

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private JsonDocuments() {}

  /** The values in {@code text}, or empty when it is blank, too large or not valid JSON. */
  public static Optional<List<JsonNode>> parse(String text) {
    if (text.isBlank() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> documents = new ArrayList<>();
      while (values.hasNextValue()) {
        documents.add(values.nextValue());
      }
      return documents.isEmpty() ? Optional.empty() : Optional.of(documents);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Why {@code text} is not JSON, in one line. */
  static String problem(String text) {
    try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(text)) {
      while (values.hasNextValue()) {
        values.nextValue();
      }
      return "no JSON value";
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }

  /** One document pretty-printed, several as one compact value per line. */
  public static String render(List<JsonNode> documents) {
    try {
      if (documents.size() == 1) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(documents.get(0)) + "\n";
      }
      StringBuilder out = new StringBuilder();
      for (JsonNode document : documents) {
        out.append(MAPPER.writeValueAsString(document)).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException("JSON cannot be written", e);
    }
  }

  /**
   * A JSON Pointer's segments, unescaped ({@code ~1} is {@code /}); {@code *} is a wildcard where
   * used.
   */
  public static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
      segments.add(p.getMatchingProperty());
    }
    return segments;
  }

  /** Escapes one segment for a JSON Pointer. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
