package dev.parity.cluster;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The changes of an HTTP response's headers ({@code name: value} lines) from their unified diff:
 * per header name, added, removed, or its value's {@link TextEdit} ({@code content-type: `;
 * charset=utf-8` appended}).
 */
final class HeaderChanges {
  private HeaderChanges() {}

  static Set<Change> of(String unified) {
    Map<String, String> removed = new LinkedHashMap<>();
    Map<String, String> added = new LinkedHashMap<>();
    for (Hunks.Run run : Hunks.of(unified)) {
      run.removed().forEach(line -> put(removed, line));
      run.added().forEach(line -> put(added, line));
    }
    Set<Change> changes = new LinkedHashSet<>();
    removed.forEach(
        (name, value) -> {
          String place = "header " + name;
          String now = added.get(name);
          if (now == null) {
            changes.add(Change.of("removed").at(place));
          } else if (!now.equals(value)) {
            TextEdit.of(value, now).forEach(c -> changes.add(c.at(place)));
          }
        });
    added.forEach(
        (name, value) -> {
          if (!removed.containsKey(name)) {
            changes.add(Change.of("added").at("header " + name));
          }
        });
    return changes;
  }

  private static void put(Map<String, String> headers, String line) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1).strip();
    // A repeated header (Set-Cookie) counts as one: its values joined.
    headers.merge(name.strip().toLowerCase(Locale.ROOT), value, (x, y) -> x + ", " + y);
  }
}
