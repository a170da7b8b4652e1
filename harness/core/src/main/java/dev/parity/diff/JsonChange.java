package dev.parity.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * One structural difference between two JSON outputs.
 *
 * @param stream the stream, e.g. {@code stdout} or {@code body}
 * @param document the value's index (from 0) in JSON Lines; 0 for a single document
 * @param line the line (from 1) on which that value starts in JSON Lines; 0 for a single document
 * @param path the JSON Pointer of the difference, e.g. {@code /items/3/price}
 * @param kind added (candidate only), removed (legacy only) or changed
 * @param legacy the legacy value as compact JSON, absent when added
 * @param candidate the candidate value as compact JSON, absent when removed
 */
@JsonPropertyOrder({"stream", "document", "line", "path", "kind", "legacy", "candidate"})
public record JsonChange(
    String stream,
    int document,
    int line,
    String path,
    Kind kind,
    Optional<String> legacy,
    Optional<String> candidate) {

  /** How a path differs. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED;

    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind of(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /** A change in the value {@code document}; its line is taken to be one value per line. */
  public JsonChange(
      String stream,
      int document,
      String path,
      Kind kind,
      Optional<String> legacy,
      Optional<String> candidate) {
    this(stream, document, document > 0 ? document + 1 : 0, path, kind, legacy, candidate);
  }

  /**
   * Where the change is: the RFC 6901 pointer into a single document ({@code /2/children}, {@code
   * /} for the whole document); in JSON Lines prefixed by the value's line ({@code line 3:
   * /children}), and by its position too when that is not the line ({@code line 1, value 2: /a} for
   * values written on one line).
   */
  public String where() {
    String pointer = path.isEmpty() ? "/" : path;
    if (line <= 0) {
      return pointer;
    }
    return "line "
        + line
        + (line == document + 1 ? "" : ", value " + (document + 1))
        + ": "
        + pointer;
  }

  /** {@code /a/b changed: 1 -> 2}, {@code /c added: true}, {@code line 2: /n changed: 1 -> 2}. */
  public String describe() {
    String where = where();
    if (kind == Kind.CHANGED) {
      return where + " changed: " + legacy.orElse("") + " -> " + candidate.orElse("");
    }
    return where + " " + kind.label() + ": " + (kind == Kind.ADDED ? candidate : legacy).orElse("");
  }
}
