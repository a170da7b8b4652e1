package dev.parity.verdict;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
import dev.parity.noise.Discounted;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link CaseResult} field by field (start from {@link CaseResult#builder} or {@link
 * CaseResult#toBuilder}), so that no caller spells out every component; what is not set stays
 * empty.
 */
public final class CaseResultBuilder {
  private String id;
  private Status status;
  private String summary;
  private List<String> tags = List.of();
  private List<Fact> facts = List.of();
  private List<Fact> notes = List.of();
  private List<StreamDiff> diffs = List.of();
  private Map<String, Long> durationsMs = Map.of();
  private List<JsonChange> jsonChanges = List.of();
  private boolean noisy;
  private List<Fact> noise = List.of();
  private List<Discounted> discounted = List.of();
  private Optional<Acceptance> accepted = Optional.empty();
  private Optional<Reproducer> reproducer = Optional.empty();

  CaseResultBuilder(String id, Status status, String summary) {
    this.id = id;
    this.status = status;
    this.summary = summary;
  }

  public CaseResultBuilder status(Status status) {
    this.status = status;
    return this;
  }

  public CaseResultBuilder summary(String summary) {
    this.summary = summary;
    return this;
  }

  public CaseResultBuilder tags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  public CaseResultBuilder facts(List<Fact> facts) {
    this.facts = facts;
    return this;
  }

  public CaseResultBuilder notes(List<Fact> notes) {
    this.notes = notes;
    return this;
  }

  public CaseResultBuilder diffs(List<StreamDiff> diffs) {
    this.diffs = diffs;
    return this;
  }

  public CaseResultBuilder durationsMs(Map<String, Long> durationsMs) {
    this.durationsMs = durationsMs;
    return this;
  }

  public CaseResultBuilder jsonChanges(List<JsonChange> jsonChanges) {
    this.jsonChanges = jsonChanges;
    return this;
  }

  public CaseResultBuilder noisy(boolean noisy) {
    this.noisy = noisy;
    return this;
  }

  public CaseResultBuilder noise(List<Fact> noise) {
    this.noise = noise;
    return this;
  }

  public CaseResultBuilder discounted(List<Discounted> discounted) {
    this.discounted = discounted;
    return this;
  }

  public CaseResultBuilder accepted(Optional<Acceptance> accepted) {
    this.accepted = accepted;
    return this;
  }

  public CaseResultBuilder reproducer(Optional<Reproducer> reproducer) {
    this.reproducer = reproducer;
    return this;
  }

  /** The result; a null id, status, summary or list is rejected as the constructor does. */
  public CaseResult build() {
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
        discounted,
        accepted,
        reproducer);
  }
}
