package dev.parity.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parity.diff.JsonChange;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The change of one JSON path, keyed by its pointer pattern and the class of the change: the
 * pointer has array indexes as {@code *} and no leading {@code /*} (an element of a top-level array
 * is the same record as a single one: {@code /*}{@code /children} and {@code /children} share a
 * key); the class is added, removed, a change of type ({@code `[]` -> `null`}, {@code string ->
 * number}), or a change of value of the same type, classified as text is ({@link TextEdit}) or as
 * numbers are (formatting, or changed).
 */
final class JsonChanges {
  /** Reads numbers as written ({@code 1e400}, 20 significant digits), never rounded to a double. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final Set<String> FORMATTING =
      Set.of("number formatting", "letter case", "whitespace", "quoting");
  private static final Pattern ARRAY_INDEX = Pattern.compile("/\\d+(?=/|$)");
  private static final Pattern LEADING_ELEMENTS = Pattern.compile("^(?:/\\*)+(?=/)");

  private JsonChanges() {}

  /** The change, at {@code label} (the stream's label, e.g. {@code body}). */
  static Change of(String label, JsonChange change) {
    String place = label + " " + pointerKey(change.path());
    return switch (change.kind()) {
      case ADDED -> Change.of("added").at(place);
      case REMOVED -> Change.of("removed").at(place);
      case CHANGED -> {
        Change changed = changed(change.legacy().orElse(""), change.candidate().orElse(""));
        // How values are written (1 or 1.0, letter case, escapes) is the writer's, not a field's:
        // keyed without the pointer, so that one writer's habit is one cluster.
        yield FORMATTING.contains(changed.key())
            ? new Change(label + " JSON values: " + changed.key(), place + ": " + changed.name())
            : changed.at(place);
      }
    };
  }

  /** A JSON Pointer with array indexes as {@code *}, e.g. {@code /items/*}{@code /price}. */
  static String pointerPattern(String pointer) {
    return ARRAY_INDEX.matcher(pointer).replaceAll("/*");
  }

  /** The pattern without leading array elements; {@code /} for the whole document. */
  static String pointerKey(String pointer) {
    String pattern = LEADING_ELEMENTS.matcher(pointerPattern(pointer)).replaceAll("");
    return pattern.isEmpty() ? "/" : pattern;
  }

  private static Change changed(String legacy, String candidate) {
    Optional<JsonNode> a = parse(legacy);
    Optional<JsonNode> b = parse(candidate);
    if (a.isEmpty() || b.isEmpty()) {
      // A value cut for display: compare it as text.
      return TextEdit.of(legacy, candidate).get(0);
    }
    String typeA = type(a.get());
    String typeB = type(b.get());
    if (!typeA.equals(typeB)) {
      return Change.of(shape(a.get()) + " -> " + shape(b.get()));
    }
    if (a.get().isNumber()) {
      return a.get().decimalValue().compareTo(b.get().decimalValue()) == 0
          ? new Change(
              "number formatting", "number formatting (`" + legacy + "` -> `" + candidate + "`)")
          : Change.of("number changed");
    }
    if (a.get().isTextual()) {
      return TextEdit.wholeClass(a.get().textValue(), b.get().textValue())
          .orElse(Change.of("string changed"));
    }
    if (a.get().isBoolean()) {
      return Change.of("`" + legacy + "` -> `" + candidate + "`");
    }
    return Change.of(typeA + " changed");
  }

  private static Optional<JsonNode> parse(String json) {
    try {
      return Optional.of(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String type(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL, MISSING -> "null";
    };
  }

  /**
   * A value as a change of type names it: the literal for values that mean something by themselves
   * ({@code null}, {@code true}, {@code []}, {@code {}}, {@code ""}), else its type.
   */
  private static String shape(JsonNode node) {
    boolean literal =
        node.isNull()
            || node.isBoolean()
            || (node.isContainerNode() && node.isEmpty())
            || (node.isTextual() && node.textValue().isEmpty());
    return literal ? "`" + node + "`" : type(node);
  }
}
