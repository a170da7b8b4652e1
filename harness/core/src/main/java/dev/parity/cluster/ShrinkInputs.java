package dev.parity.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input taken apart for {@link Shrink}, and put back together: stdin by lines, a JSON body by
 * its top-level members (an object's) or elements (an array's).
 */
public final class ShrinkInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShrinkInputs() {}

  /** The lines of a text, each with its line break, so that joining them gives the text back. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Lines joined back into a text. */
  public static String joinLines(List<String> lines) {
    return String.join("", lines);
  }

  /**
   * The top-level members of a JSON object ({@code {"k": v}} each) or the elements of a JSON array,
   * each as compact JSON; empty when the text is neither.
   */
  public static Optional<List<JsonNode>> jsonParts(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (root == null || !root.isContainerNode()) {
      return Optional.empty();
    }
    List<JsonNode> parts = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(parts::add);
    } else {
      for (Map.Entry<String, JsonNode> member : root.properties()) {
        ObjectNode one = JSON.createObjectNode();
        one.set(member.getKey(), member.getValue());
        parts.add(one);
      }
    }
    return Optional.of(parts);
  }

  /**
   * Parts back into one JSON text: members into one object, elements into one array, as {@code
   * array} says.
   */
  public static String joinJson(List<JsonNode> parts, boolean array) {
    if (array) {
      ArrayNode out = JSON.createArrayNode();
      parts.forEach(out::add);
      return out.toString();
    }
    ObjectNode out = JSON.createObjectNode();
    parts.forEach(part -> out.setAll((ObjectNode) part));
    return out.toString();
  }
}
