package dev.parity.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parity.fixture.RuleAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code json:} canonical JSON: ignored values replaced by {@code "<ignored>"} (their presence
 * still compared), dropped pointers removed, numbers made comparable (only with {@code
 * numericEquality}; otherwise their tokens are compared as written), keys sorted, unordered arrays
 * sorted, then (with a tolerance) the candidate's numbers that are close enough to the legacy's
 * replaced by them. Text that is not JSON is left alone, with a note.
 */
final class JsonNormalizer implements Normalizer {
  private static final TextNode IGNORED = TextNode.valueOf(RuleAction.Json.IGNORED);

  private final RuleAction.Json options;
  private final List<List<String>> ignore;
  private final List<List<String>> drop;
  private final List<List<String>> unordered;

  JsonNormalizer(RuleAction.Json options) {
    this.options = options;
    this.ignore = options.ignore().stream().map(JsonDocuments::segments).toList();
    this.drop = options.drop().stream().map(JsonDocuments::segments).toList();
    this.unordered = options.unordered().stream().map(JsonDocuments::segments).toList();
  }

  @Override
  public String normalize(String text, Scope scope) {
    if (text.isBlank()) {
      return text;
    }
    Optional<JsonText> parsed = JsonDocuments.parse(text);
    if (parsed.isEmpty()) {
      scope.note(
          "not valid JSON ("
              + JsonDocuments.problem(text)
              + "); the json rule was skipped and the text compared as is");
      return text;
    }
    List<JsonNode> documents = new ArrayList<>();
    int fired = 0;
    // Pointers apply to each document: the one document, or each value of JSON Lines.
    for (JsonNode document : parsed.get().values()) {
      int[] count = new int[1];
      JsonNode node = document;
      for (List<String> pointer : drop) {
        node = remove(node, pointer, 0, count, null);
      }
      for (List<String> pointer : ignore) {
        node = remove(node, pointer, 0, count, IGNORED);
      }
      if (options.numericEquality()) {
        node = numbers(node, count);
      }
      if (options.sortKeys()) {
        node = sortKeys(node, count);
      }
      for (List<String> pointer : unordered) {
        sortArrays(node, pointer, 0, count);
      }
      fired += count[0];
      documents.add(node);
    }
    String rendered = JsonDocuments.render(parsed.get().withValues(documents));
    if (fired == 0 && !rendered.equals(text)) {
      fired = 1;
    }
    scope.fired(fired);
    return rendered;
  }

  @Override
  public Pair reconcile(Pair texts, Scope scope) {
    if (options.tolerance().isEmpty()) {
      return texts;
    }
    Optional<JsonText> legacy = JsonDocuments.parse(texts.legacy());
    Optional<JsonText> candidate = JsonDocuments.parse(texts.candidate());
    if (legacy.isEmpty() || candidate.isEmpty() || legacy.get().form() != candidate.get().form()) {
      return texts;
    }
    int[] count = new int[1];
    List<JsonNode> reconciled = new ArrayList<>();
    List<JsonNode> left = legacy.get().values();
    List<JsonNode> right = candidate.get().values();
    for (int i = 0; i < right.size(); i++) {
      JsonNode c = right.get(i);
      reconciled.add(
          i < left.size() ? tolerate(left.get(i), c, options.tolerance().get(), count) : c);
    }
    if (count[0] == 0) {
      return texts;
    }
    scope.fired(count[0]);
    return new Pair(texts.legacy(), JsonDocuments.render(candidate.get().withValues(reconciled)));
  }

  /** By value: a candidate number within the tolerance of the legacy one takes its token. */
  private static JsonNode tolerate(
      JsonNode legacy, JsonNode candidate, BigDecimal tolerance, int[] count) {
    Optional<String> l = JsonNumbers.token(legacy);
    Optional<String> c = JsonNumbers.token(candidate);
    if (l.isPresent() && c.isPresent()) {
      if (!l.get().equals(c.get()) && JsonNumbers.within(l.get(), c.get(), tolerance)) {
        count[0]++;
        return legacy.deepCopy();
      }
      return candidate;
    }
    if (legacy.isObject() && candidate.isObject()) {
      ObjectNode copy = ((ObjectNode) candidate).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = candidate.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (legacy.has(field.getKey())) {
          copy.set(
              field.getKey(),
              tolerate(legacy.get(field.getKey()), field.getValue(), tolerance, count));
        }
      }
      return copy;
    }
    if (legacy.isArray() && candidate.isArray()) {
      ArrayNode copy = ((ArrayNode) candidate).deepCopy();
      for (int i = 0; i < Math.min(legacy.size(), candidate.size()); i++) {
        copy.set(i, tolerate(legacy.get(i), candidate.get(i), tolerance, count));
      }
      return copy;
    }
    return candidate;
  }

  /**
   * Removes what the pointer names, or replaces it by {@code marker} when there is one; a {@code *}
   * segment matches every key or index.
   */
  private static JsonNode remove(
      JsonNode node, List<String> pointer, int at, int[] count, @Nullable TextNode marker) {
    String segment = pointer.get(at);
    boolean last = at == pointer.size() - 1;
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (segment.equals("*") || segment.equals(key)) {
          if (last) {
            if (marker == null) {
              object.remove(key);
            } else {
              object.set(key, marker);
            }
            count[0]++;
          } else {
            remove(object.get(key), pointer, at + 1, count, marker);
          }
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = array.size() - 1; i >= 0; i--) {
        if (segment.equals("*") || segment.equals(Integer.toString(i))) {
          if (last) {
            if (marker == null) {
              array.remove(i);
            } else {
              array.set(i, marker);
            }
            count[0]++;
          } else {
            remove(array.get(i), pointer, at + 1, count, marker);
          }
        }
      }
    }
    return node;
  }

  private static void sortArrays(JsonNode node, List<String> pointer, int at, int[] count) {
    if (at == pointer.size()) {
      if (node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        List<JsonNode> sorted = new ArrayList<>(elements);
        sorted.sort(Comparator.comparing(JsonNormalizer::canonical));
        if (!sorted.equals(elements)) {
          count[0]++;
          array.removeAll();
          sorted.forEach(array::add);
        }
      }
      return;
    }
    String segment = pointer.get(at);
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (segment.equals("*") || segment.equals(e.getKey())) {
                  sortArrays(e.getValue(), pointer, at + 1, count);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (segment.equals("*") || segment.equals(Integer.toString(i))) {
          sortArrays(node.get(i), pointer, at + 1, count);
        }
      }
    }
  }

  private static String canonical(JsonNode node) {
    return sortKeys(node.deepCopy(), new int[1]).toString();
  }

  private static JsonNode sortKeys(JsonNode node, int[] count) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      List<String> sorted = new ArrayList<>(keys);
      sorted.sort(null);
      if (!sorted.equals(keys)) {
        count[0]++;
      }
      ObjectNode object = (ObjectNode) node;
      ObjectNode result = object.objectNode();
      for (String key : sorted) {
        result.set(key, sortKeys(object.get(key), count));
      }
      return result;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, sortKeys(array.get(i), count));
      }
    }
    return node;
  }

  private static JsonNode numbers(JsonNode node, int[] count) {
    Optional<String> token = JsonNumbers.token(node);
    if (token.isPresent()) {
      String canonical = JsonNumbers.canonical(token.get());
      if (canonical.equals(token.get())) {
        return node;
      }
      count[0]++;
      return JsonNumbers.node(canonical);
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        object.set(key, numbers(object.get(key), count));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, numbers(array.get(i), count));
      }
    }
    return node;
  }
}
