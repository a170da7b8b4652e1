package dev.parity.normalize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.fixture.Utf8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes JSON text as {@link JsonText}: one document, or JSON Lines (also values written
 * one after the other, the output of {@code jq -c}). Numbers keep the exact text of their token
 * ({@code 1e2} stays {@code 1e2}, {@code -0} stays {@code -0}) so that nothing is equal by
 * accident; a duplicate key or anything after the last value that is not JSON makes the text "not
 * JSON" (compared as text), never silently merged or dropped.
 */
public final class JsonDocuments {
  /** Larger texts are compared as text only. */
  public static final int MAX_CHARS = 16 * 1024 * 1024;

  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonDocuments() {}

  /**
   * False when {@code bytes} cannot be JSON that {@link #parse} accepts (too large, or a first
   * character no JSON value starts with), so that a large text output is not decoded to be tried.
   */
  public static boolean mayBeJson(byte[] bytes) {
    if (bytes.length / 4 > MAX_CHARS) {
      return false;
    }
    for (byte b : bytes) {
      if (b < 0 || b > ' ') {
        return b < 0 || "{[\"-0123456789tfn".indexOf(b) >= 0;
      }
    }
    return false;
  }

  /** The JSON in {@code text}, or empty when it is blank, too large or not valid JSON. */
  public static Optional<JsonText> parse(String text) {
    if (text.isBlank() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(text));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Why {@code text} is not JSON, in one line. */
  static String problem(String text) {
    if (text.length() > MAX_CHARS) {
      return "larger than " + MAX_CHARS / (1024 * 1024) + " MiB";
    }
    try {
      read(text);
      return "no JSON value";
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }

  private static JsonText read(String text) throws IOException {
    List<JsonNode> values = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try (JsonParser parser = MAPPER.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        lines.add(parser.currentTokenLocation().getLineNr());
        values.add(value(parser, token));
      }
    }
    if (values.isEmpty()) {
      throw new IOException("no JSON value");
    }
    return new JsonText(
        values.size() == 1 ? JsonText.Form.DOCUMENT : JsonText.Form.LINES, values, lines);
  }

  /** The value starting at {@code token}; the parser limits nesting depth (1000). */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = whole(parser.currentName(), parser);
          object.set(key, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(whole(parser.getText(), parser));
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return JsonNumbers.node(parser.getText());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected " + token + " at " + parser.currentTokenLocation());
    }
  }

  /**
   * {@code text}, a string or key, when every surrogate in it is half of a pair. An escape such as
   * {@code "\\ud800"} decodes to a lone surrogate, which no UTF-8 text can hold: written back, it
   * became {@code ?}, and {@code "\\ud800"}, {@code "\\udfff"} and {@code "?"} were all equal.
   */
  private static String whole(String text, JsonParser parser) throws IOException {
    int bad = Utf8.loneSurrogate(text);
    if (bad >= 0) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "a string holds a lone surrogate \\u%04x, which UTF-8 cannot hold (line %d,"
                  + " column %d)",
              (int) text.charAt(bad),
              parser.currentTokenLocation().getLineNr(),
              parser.currentTokenLocation().getColumnNr()));
    }
    return text;
  }

  /** One document pretty-printed, JSON Lines as one compact value per line. */
  public static String render(JsonText json) {
    try {
      if (json.form() == JsonText.Form.DOCUMENT) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json.values().get(0))
            + "\n";
      }
      StringBuilder out = new StringBuilder();
      for (JsonNode value : json.values()) {
        out.append(compact(value)).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException("JSON cannot be written", e);
    }
  }

  /** One value as compact JSON, numbers as written. */
  public static String compact(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
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
