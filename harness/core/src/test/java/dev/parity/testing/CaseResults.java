package dev.parity.testing;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
import dev.parity.noise.Discounted;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case results for tests: the id and status up front, everything else named and empty unless set,
 * e.g. {@code CaseResults.failed("a").fact("stdout", "1 line differs").build()}.
 */
public final class CaseResults {
  private final String id;
  private final Status status;
  private final List<String> tags = new ArrayList<>();
  private String summary;
  private final List<Fact> facts = new ArrayList<>();
  private final List<Fact> notes = new ArrayList<>();
  private final List<StreamDiff> diffs = new ArrayList<>();
  private final Map<String, Long> durationsMs = new LinkedHashMap<>();
  private final List<JsonChange> jsonChanges = new ArrayList<>();
  private boolean noisy;
  private final List<Fact> noise = new ArrayList<>();
  private final List<Discounted> discounted = new ArrayList<>();

  private CaseResults(String id, Status status, String summary) {
    this.id = id;
    this.status = status;
    this.summary = summary;
  }

  /** A passing case, summarized {@code identical}. */
  public static CaseResults passed(String id) {
    return new CaseResults(id, Status.PASS, "identical");
  }

  /** A failing case, summarized {@code output differ}. */
  public static CaseResults failed(String id) {
    return new CaseResults(id, Status.FAIL, "output differ");
  }

  /** A case in error, summarized {@code error}. */
  public static CaseResults errored(String id) {
    return new CaseResults(id, Status.ERROR, "error");
  }

  /** A case with the given status, summarized by the status's name. */
  public static CaseResults of(String id, Status status) {
    return new CaseResults(id, status, status.name().toLowerCase(Locale.ROOT));
  }

  public CaseResults tags(String... names) {
    return tags(List.of(names));
  }

  public CaseResults tags(List<String> names) {
    tags.addAll(names);
    return this;
  }

  public CaseResults summary(String text) {
    summary = text;
    return this;
  }

  public CaseResults fact(String key, String message) {
    return facts(List.of(new Fact(key, message)));
  }

  public CaseResults facts(List<Fact> more) {
    facts.addAll(more);
    return this;
  }

  public CaseResults note(String key, String message) {
    return notes(List.of(new Fact(key, message)));
  }

  public CaseResults notes(List<Fact> more) {
    notes.addAll(more);
    return this;
  }

  public CaseResults diffs(StreamDiff... more) {
    return diffs(List.of(more));
  }

  public CaseResults diffs(List<StreamDiff> more) {
    diffs.addAll(more);
    return this;
  }

  /** The wall time of one side's run, e.g. {@code duration("candidate", 12)}. */
  public CaseResults duration(String side, long millis) {
    durationsMs.put(side, millis);
    return this;
  }

  public CaseResults durations(Map<String, Long> bySide) {
    durationsMs.putAll(bySide);
    return this;
  }

  public CaseResults jsonChanges(List<JsonChange> more) {
    jsonChanges.addAll(more);
    return this;
  }

  /** Marks the case noisy, with the facts found between legacy runs. */
  public CaseResults noisy(Fact... found) {
    noisy = true;
    noise.addAll(List.of(found));
    return this;
  }

  public CaseResults noisy(boolean isNoisy) {
    noisy = isNoisy;
    return this;
  }

  public CaseResults noise(List<Fact> found) {
    noise.addAll(found);
    return this;
  }

  public CaseResults discounted(Discounted... differences) {
    discounted.addAll(List.of(differences));
    return this;
  }

  public CaseResult build() {
    return CaseResult.builder(id, status, summary)
        .tags(tags)
        .facts(facts)
        .notes(notes)
        .diffs(diffs)
        .durationsMs(durationsMs)
        .jsonChanges(jsonChanges)
        .noisy(noisy)
        .noise(noise)
        .discounted(discounted)
        .build();
  }
}
