package dev.parity.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A stream parsed as JSON: either one document or a sequence of values (JSON Lines, or values
 * written one after the other as {@code jq} does), never confused: a top-level array is one
 * document, not a sequence of its elements.
 *
 * @param form one document or JSON Lines
 * @param values the top-level values (exactly one for a document, two or more for JSON Lines)
 * @param lines the 1-based line on which each value starts, in the order of {@code values}
 */
public record JsonText(Form form, List<JsonNode> values, List<Integer> lines) {

  public JsonText {
    values = List.copyOf(values);
    lines = List.copyOf(lines);
    if (values.size() != lines.size() || (form == Form.DOCUMENT) != (values.size() == 1)) {
      throw new IllegalArgumentException(
          form + " with " + values.size() + " values and " + lines.size() + " lines");
    }
  }

  /** Whether the stream held one JSON value or several. */
  public enum Form {
    DOCUMENT,
    LINES;
  }

  /** The same form and lines with other values (after a rule changed them). */
  public JsonText withValues(List<JsonNode> changed) {
    return new JsonText(form, changed, lines);
  }

  /** {@code one JSON document (an array)}, {@code JSON Lines (3 values)}: said in facts. */
  public String describe() {
    if (form == Form.DOCUMENT) {
      JsonNode value = values.get(0);
      String kind =
          value.isObject() ? "an object" : value.isArray() ? "an array" : "a " + kindOf(value);
      return "one JSON document (" + kind + ")";
    }
    return "JSON Lines (" + values.size() + " values)";
  }

  private static String kindOf(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isNull()) {
      return "null";
    }
    return "number";
  }
}
