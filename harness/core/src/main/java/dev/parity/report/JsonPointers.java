package dev.parity.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Pointers (RFC 6901) at which two JSON documents differ, each with the kind of change,
 * e.g. {@code changed /users/0/name}. Shown in the HTML report for streams that are JSON on both
 * sides.
 */
final class JsonPointers {
  static final int MAX = 200;
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  private JsonPointers() {}

  /** The differences, or empty when either text is not a JSON object or array. */
  static Optional<List<String>> between(String legacy, String candidate) {
    Optional<JsonNode> left = parse(legacy);
    Optional<JsonNode> right = parse(candidate);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    walk("", left.get(), right.get(), out);
    return Optional.of(out);
  }

  private static Optional<JsonNode> parse(String text) {
    String trimmed = text.strip();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return Optional.empty();
    }
    try {
      return Optional.of(STRICT.readTree(trimmed));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void walk(String pointer, JsonNode left, JsonNode right, List<String> out) {
    if (out.size() >= MAX) {
      return;
    }
    if (left.isObject() && right.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      left.fieldNames().forEachRemaining(names::add);
      right.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!right.has(name)) {
          out.add("removed " + child);
        } else if (!left.has(name)) {
          out.add("added " + child);
        } else {
          walk(child, left.get(name), right.get(name), out);
        }
      }
      return;
    }
    if (left.isArray() && right.isArray()) {
      Iterator<JsonNode> a = left.elements();
      Iterator<JsonNode> b = right.elements();
      int index = 0;
      while (a.hasNext() || b.hasNext()) {
        String child = pointer + "/" + index;
        if (!b.hasNext()) {
          a.next();
          out.add("removed " + child);
        } else if (!a.hasNext()) {
          b.next();
          out.add("added " + child);
        } else {
          walk(child, a.next(), b.next(), out);
        }
        index++;
      }
      return;
    }
    if (!left.equals(right)) {
      out.add("changed " + (pointer.isEmpty() ? "(root)" : pointer));
    }
  }
}
