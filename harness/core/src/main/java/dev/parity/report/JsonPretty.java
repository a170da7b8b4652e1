package dev.parity.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * Compact JSON laid out one member per line before it is diffed side by side, so that a one-line
 * body does not diff as one line.
 *
 * <p>Jackson decides what is JSON (one object or array, strict, nothing after it); the layout is
 * then done on the text itself, token by token, so every key stays where it was and every number
 * and string stays exactly as written ({@code 1e+17}, {@code "\u00eb"}): a difference in how a
 * value is spelled still shows.
 */
final class JsonPretty {
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final String INDENT = "  ";

  private JsonPretty() {}

  /**
   * Each text that is JSON laid out, when at least one of them is compact JSON (one line);
   * otherwise the texts as they are.
   */
  static List<String> pair(String legacy, String candidate) {
    boolean legacyJson = isJson(legacy);
    boolean candidateJson = isJson(candidate);
    boolean compact = (legacyJson && oneLine(legacy)) || (candidateJson && oneLine(candidate));
    if (!compact) {
      return List.of(legacy, candidate);
    }
    return List.of(
        legacyJson ? layout(legacy) : legacy, candidateJson ? layout(candidate) : candidate);
  }

  static boolean isJson(String text) {
    String t = text.strip();
    if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) {
      return false;
    }
    try {
      JsonNode ignored = STRICT.readTree(t);
      return ignored != null;
    } catch (JsonProcessingException | RuntimeException e) {
      return false;
    }
  }

  private static boolean oneLine(String text) {
    return text.strip().indexOf('\n') < 0;
  }

  /**
   * Valid JSON re-indented: whitespace between tokens dropped, a line break after each {@code {},
   * {@code [} and {@code ,}, before each closing bracket, a space after each {@code :}; empty
   * containers stay {@code {}} and {@code []}. The text's final newline is kept as it was.
   */
  static String layout(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String json = text.strip();
    StringBuilder out = new StringBuilder(json.length() * 2);
    int depth = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        int end = stringEnd(json, i);
        out.append(json, i, end);
        i = end - 1;
      } else if (c == '{' || c == '[') {
        int next = nextToken(json, i + 1);
        char close = c == '{' ? '}' : ']';
        if (next < json.length() && json.charAt(next) == close) {
          out.append(c).append(close);
          i = next;
        } else {
          depth++;
          out.append(c);
          newline(out, depth);
        }
      } else if (c == '}' || c == ']') {
        depth--;
        newline(out, depth);
        out.append(c);
      } else if (c == ',') {
        out.append(c);
        newline(out, depth);
      } else if (c == ':') {
        out.append(": ");
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return text.endsWith("\n") ? out.append('\n').toString() : out.toString();
  }

  /** The index just past the string literal starting at {@code start}. */
  private static int stringEnd(String json, int start) {
    int i = start + 1;
    while (i < json.length() && json.charAt(i) != '"') {
      i += json.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(json.length(), i + 1);
  }

  private static int nextToken(String json, int from) {
    int i = from;
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int d = 0; d < depth; d++) {
      out.append(INDENT);
    }
  }
}
