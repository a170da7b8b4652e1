package dev.parity.cluster;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
import java.util.List;
import java.util.Objects;

/**
 * What a case that did not pass tells about its differences, as the comparison left them.
 *
 * @param id the case id
 * @param error the case could not be judged ({@code summary} says why) rather than differed
 * @param summary one line saying what happened
 * @param facts the differences, one by one
 * @param diffs per-stream unified diffs
 * @param jsonChanges for JSON streams, the paths that differ
 */
public record Mismatch(
    String id,
    boolean error,
    String summary,
    List<Fact> facts,
    List<StreamDiff> diffs,
    List<JsonChange> jsonChanges) {
  public Mismatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    facts = List.copyOf(facts);
    diffs = List.copyOf(diffs);
    jsonChanges = List.copyOf(jsonChanges);
  }
}
