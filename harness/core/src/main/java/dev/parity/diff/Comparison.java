package dev.parity.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of comparing two observations of one case.
 *
 * @param facts the differences stated one by one (empty when identical)
 * @param diffs the streams that differ, with their diffs
 * @param notes observations that are not differences (e.g. a fallback diff was used)
 * @param jsonChanges for JSON outputs, the paths that differ with both values
 */
public record Comparison(
    List<Fact> facts, List<StreamDiff> diffs, List<Fact> notes, List<JsonChange> jsonChanges) {

  public Comparison {
    facts = List.copyOf(facts);
    diffs = List.copyOf(diffs);
    notes = List.copyOf(notes);
    jsonChanges = jsonChanges == null ? List.of() : List.copyOf(jsonChanges);
  }

  public Comparison(List<Fact> facts, List<StreamDiff> diffs, List<Fact> notes) {
    this(facts, diffs, notes, List.of());
  }

  public static Comparison identical() {
    return new Comparison(List.of(), List.of(), List.of());
  }

  public boolean isIdentical() {
    return facts.isEmpty() && diffs.isEmpty();
  }

  /** This comparison with {@code fact} stated first. */
  public Comparison withFact(Fact fact) {
    List<Fact> all = new ArrayList<>(facts.size() + 1);
    all.add(fact);
    all.addAll(facts);
    return new Comparison(all, diffs, notes, jsonChanges);
  }

  /** All stream diffs joined into one unified text, in stream order. */
  public String unifiedDiff() {
    StringBuilder text = new StringBuilder();
    diffs.forEach(d -> text.append(d.unified()));
    return text.toString();
  }
}
