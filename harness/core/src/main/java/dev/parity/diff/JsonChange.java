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
 * @param document the value's index in JSON Lines or concatenated JSON (0 for a single document)
 * @param path the JSON Pointer of the difference, e.g. {@code /items/3/price}
 * @param kind added (candidate only), removed (legacy only) or changed
 * @param legacy the legacy value as compact JSON, absent when added
 * @param candidate the candidate value as compact JSON, absent when removed
 */
@JsonPropertyOrder({"stream", "document", "path", "kind", "legacy", "candidate"})
public record JsonChange(
    String stream,
    int document,
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

  /** {@code /a/b changed: 1 -> 2}, {@code /c added: true}. */
  public String describe() {
    String where = (document > 0 ? "#" + document + " " : "") + (path.isEmpty() ? "/" : path);
    if (kind == Kind.CHANGED) {
      return where + " changed: " + legacy.orElse("") + " -> " + candidate.orElse("");
    }
    return where + " " + kind.label() + ": " + (kind == Kind.ADDED ? candidate : legacy).orElse("");
  }
}
