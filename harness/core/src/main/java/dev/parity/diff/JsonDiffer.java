package dev.parity.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.normalize.JsonDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Structural diff of two JSON outputs (a document, JSON Lines or concatenated values): the JSON
 * Pointer paths that were added, removed or changed, with both values. Objects are compared by key
 * (key order never matters), arrays by index.
 */
public final class JsonDiffer {
  private static final int MAX_VALUE_CHARS = 200;

  private final int maxChanges;

  public JsonDiffer() {
    this(500);
  }

  public JsonDiffer(int maxChanges) {
    this.maxChanges = maxChanges;
  }

  /** The changes, or empty when either side is not JSON made of objects and arrays. */
  public Optional<List<JsonChange>> diff(String stream, String legacy, String candidate) {
    Optional<List<JsonNode>> left = JsonDocuments.parse(legacy).filter(JsonDiffer::structured);
    Optional<List<JsonNode>> right = JsonDocuments.parse(candidate).filter(JsonDiffer::structured);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    List<JsonChange> changes = new ArrayList<>();
    List<JsonNode> a = left.get();
    List<JsonNode> b = right.get();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      JsonNode l = i < a.size() ? a.get(i) : null;
      JsonNode r = i < b.size() ? b.get(i) : null;
      walk(stream, i, "", l, r, changes);
    }
    return Optional.of(changes);
  }

  private static boolean structured(List<JsonNode> documents) {
    return documents.stream().allMatch(JsonNode::isContainerNode);
  }

  private void walk(
      String stream,
      int document,
      String path,
      JsonNode legacy,
      JsonNode candidate,
      List<JsonChange> changes) {
    if (changes.size() >= maxChanges) {
      return;
    }
    if (legacy == null) {
      changes.add(
          new JsonChange(
              stream,
              document,
              path,
              JsonChange.Kind.ADDED,
              Optional.empty(),
              Optional.of(show(candidate))));
      return;
    }
    if (candidate == null) {
      changes.add(
          new JsonChange(
              stream,
              document,
              path,
              JsonChange.Kind.REMOVED,
              Optional.of(show(legacy)),
              Optional.empty()));
      return;
    }
    if (legacy.isObject() && candidate.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      legacy.fieldNames().forEachRemaining(keys::add);
      candidate.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(
            stream,
            document,
            path + "/" + JsonDocuments.escape(key),
            legacy.get(key),
            candidate.get(key),
            changes);
      }
      return;
    }
    if (legacy.isArray() && candidate.isArray()) {
      for (int i = 0; i < Math.max(legacy.size(), candidate.size()); i++) {
        walk(stream, document, path + "/" + i, legacy.get(i), candidate.get(i), changes);
      }
      return;
    }
    if (!legacy.equals(candidate)) {
      changes.add(
          new JsonChange(
              stream,
              document,
              path,
              JsonChange.Kind.CHANGED,
              Optional.of(show(legacy)),
              Optional.of(show(candidate))));
    }
  }

  private static String show(JsonNode node) {
    String text = node.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
