package dev.parity.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.normalize.JsonDocuments;
import dev.parity.normalize.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Structural diff of two JSON outputs of the same form (one document, or JSON Lines): the JSON
 * Pointer paths that were added, removed or changed, with both values. Objects are compared by key
 * (key order never matters), arrays by index, numbers by their token as written.
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
    Optional<JsonText> left = JsonDocuments.parse(legacy);
    Optional<JsonText> right = JsonDocuments.parse(candidate);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    return diff(stream, left.get(), right.get());
  }

  /**
   * The changes between two parsed outputs, or empty when either is not made of objects and arrays
   * or their forms differ (one document against JSON Lines: nothing lines up).
   */
  public Optional<List<JsonChange>> diff(String stream, JsonText legacy, JsonText candidate) {
    if (!structured(legacy) || !structured(candidate) || legacy.form() != candidate.form()) {
      return Optional.empty();
    }
    List<JsonChange> changes = new ArrayList<>();
    List<JsonNode> a = legacy.values();
    List<JsonNode> b = candidate.values();
    boolean lines = legacy.form() == JsonText.Form.LINES;
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      JsonNode l = i < a.size() ? a.get(i) : null;
      JsonNode r = i < b.size() ? b.get(i) : null;
      int line = !lines ? 0 : (i < b.size() ? candidate.lines().get(i) : legacy.lines().get(i));
      walk(new Where(stream, i, line), "", l, r, changes);
    }
    return Optional.of(changes);
  }

  /** The value a path is in. */
  private record Where(String stream, int document, int line) {
    JsonChange change(
        String path, JsonChange.Kind kind, Optional<String> legacy, Optional<String> candidate) {
      return new JsonChange(stream, document, line, path, kind, legacy, candidate);
    }
  }

  private static boolean structured(JsonText json) {
    return json.values().stream().allMatch(JsonNode::isContainerNode);
  }

  private void walk(
      Where where,
      String path,
      @Nullable JsonNode legacy,
      @Nullable JsonNode candidate,
      List<JsonChange> changes) {
    if (changes.size() >= maxChanges) {
      return;
    }
    if (legacy == null) {
      changes.add(
          where.change(
              path,
              JsonChange.Kind.ADDED,
              Optional.empty(),
              // A missing value has a counterpart: documents and elements are walked up to the
              // longer.
              Optional.of(show(Objects.requireNonNull(candidate)))));
      return;
    }
    if (candidate == null) {
      changes.add(
          where.change(path, JsonChange.Kind.REMOVED, Optional.of(show(legacy)), Optional.empty()));
      return;
    }
    if (legacy.isObject() && candidate.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      legacy.fieldNames().forEachRemaining(keys::add);
      candidate.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(
            where,
            path + "/" + JsonDocuments.escape(key),
            legacy.get(key),
            candidate.get(key),
            changes);
      }
      return;
    }
    if (legacy.isArray() && candidate.isArray()) {
      for (int i = 0; i < Math.max(legacy.size(), candidate.size()); i++) {
        walk(where, path + "/" + i, legacy.get(i), candidate.get(i), changes);
      }
      return;
    }
    if (!legacy.equals(candidate)) {
      changes.add(
          where.change(
              path,
              JsonChange.Kind.CHANGED,
              Optional.of(show(legacy)),
              Optional.of(show(candidate))));
    }
  }

  private static String show(JsonNode node) {
    String text = JsonDocuments.compact(node);
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
