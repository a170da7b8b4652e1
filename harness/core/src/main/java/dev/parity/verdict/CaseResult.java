package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import dev.parity.noise.Discounted;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one case.
 *
 * @param id the case id
 * @param tags the case's tags (its groups)
 * @param status pass, fail or error
 * @param summary one line saying what happened
 * @param facts the differences or the error, one by one
 * @param notes remarks that are not differences (fallback diffs, golden created, ...)
 * @param diffs per-stream diffs
 * @param durationsMs wall time of each side's run, by side ({@code legacy}, {@code candidate})
 * @param jsonChanges for JSON outputs, the JSON Pointer paths that differ with both values
 * @param noisy two legacy runs of the case differed in a way no rule covers
 * @param noise the differences seen between legacy runs: flagged when recording, discounted when
 *     comparing
 * @param discounted when comparing, each difference between legacy and candidate not held against
 *     the candidate because the legacy runs differed at the same token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "id",
  "status",
  "summary",
  "tags",
  "facts",
  "notes",
  "diff",
  "diffs",
  "durationsMs",
  "jsonChanges",
  "noisy",
  "noise",
  "discounted"
})
public record CaseResult(
    String id,
    List<String> tags,
    Status status,
    String summary,
    List<Fact> facts,
    List<Fact> notes,
    List<StreamDiff> diffs,
    Map<String, Long> durationsMs,
    List<JsonChange> jsonChanges,
    boolean noisy,
    List<Fact> noise,
    List<Discounted> discounted) {

  public CaseResult {
    tags = List.copyOf(tags);
    facts = List.copyOf(facts);
    notes = List.copyOf(notes);
    diffs = List.copyOf(diffs);
    durationsMs = Map.copyOf(durationsMs);
    jsonChanges = jsonChanges == null ? List.of() : List.copyOf(jsonChanges);
    noise = noise == null ? List.of() : List.copyOf(noise);
    discounted = discounted == null ? List.of() : List.copyOf(discounted);
  }

  public CaseResult(
      String id,
      List<String> tags,
      Status status,
      String summary,
      List<Fact> facts,
      List<Fact> notes,
      List<StreamDiff> diffs,
      Map<String, Long> durationsMs,
      List<JsonChange> jsonChanges,
      boolean noisy,
      List<Fact> noise) {
    this(
        id,
        tags,
        status,
        summary,
        facts,
        notes,
        diffs,
        durationsMs,
        jsonChanges,
        noisy,
        noise,
        List.of());
  }

  public CaseResult(
      String id,
      List<String> tags,
      Status status,
      String summary,
      List<Fact> facts,
      List<Fact> notes,
      List<StreamDiff> diffs,
      Map<String, Long> durationsMs) {
    this(id, tags, status, summary, facts, notes, diffs, durationsMs, List.of(), false, List.of());
  }

  /** This result with JSON changes and legacy noise added. */
  public CaseResult withNoise(List<JsonChange> changes, boolean isNoisy, List<Fact> found) {
    return new CaseResult(
        id,
        tags,
        status,
        summary,
        facts,
        notes,
        diffs,
        durationsMs,
        changes,
        isNoisy,
        found,
        discounted);
  }

  /** This result with the differences the legacy noise discounted. */
  public CaseResult withDiscounted(List<Discounted> differences) {
    return new CaseResult(
        id,
        tags,
        status,
        summary,
        facts,
        notes,
        diffs,
        durationsMs,
        jsonChanges,
        noisy,
        noise,
        differences);
  }

  /** All stream diffs as one unified text (empty when none). */
  @JsonProperty("diff")
  public String diff() {
    StringBuilder text = new StringBuilder();
    diffs.forEach(d -> text.append(d.unified()));
    return text.toString();
  }

  /** One fact per discounted difference, e.g. {@code discounted stdout : line 3, token 5: ...}. */
  public List<Fact> discountedFacts() {
    return discounted.stream()
        .map(d -> new Fact("discounted " + ObservationComparator.label(d.stream()), d.describe()))
        .toList();
  }

  public Optional<Fact> firstFact() {
    return facts.stream().findFirst();
  }
}
