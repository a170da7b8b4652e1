package dev.parity.testing;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
import dev.parity.noise.Discounted;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.CaseResultBuilder;
import dev.parity.verdict.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Case results for tests: the id and status up front, everything else named and empty unless set,
 * e.g. {@code CaseResults.failed("a").fact("stdout", "1 line differs").build()}.
 */
public final class CaseResults {
  private CaseResult result;

  private CaseResults(String id, Status status, String summary) {
    this.result = CaseResult.builder(id, status, summary).build();
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

  private CaseResults change(UnaryOperator<CaseResultBuilder> how) {
    result = how.apply(result.toBuilder()).build();
    return this;
  }

  private static <T> List<T> plus(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  public CaseResults tags(String... names) {
    return tags(List.of(names));
  }

  public CaseResults tags(List<String> names) {
    return change(b -> b.tags(plus(result.tags(), names)));
  }

  public CaseResults summary(String text) {
    return change(b -> b.summary(text));
  }

  public CaseResults fact(String key, String message) {
    return facts(List.of(new Fact(key, message)));
  }

  public CaseResults facts(List<Fact> more) {
    result = result.withFacts(more);
    return this;
  }

  public CaseResults note(String key, String message) {
    return notes(List.of(new Fact(key, message)));
  }

  public CaseResults notes(List<Fact> more) {
    result = result.withNotes(more);
    return this;
  }

  public CaseResults diffs(StreamDiff... more) {
    return diffs(List.of(more));
  }

  public CaseResults diffs(List<StreamDiff> more) {
    return change(b -> b.diffs(plus(result.diffs(), more)));
  }

  /** The wall time of one side's run, e.g. {@code duration("candidate", 12)}. */
  public CaseResults duration(String side, long millis) {
    return durations(Map.of(side, millis));
  }

  public CaseResults durations(Map<String, Long> bySide) {
    Map<String, Long> all = new TreeMap<>(result.durationsMs());
    all.putAll(bySide);
    return change(b -> b.durationsMs(all));
  }

  public CaseResults jsonChanges(List<JsonChange> more) {
    return change(b -> b.jsonChanges(plus(result.jsonChanges(), more)));
  }

  /** Marks the case noisy, with the facts found between legacy runs. */
  public CaseResults noisy(Fact... found) {
    return noisy(true).noise(List.of(found));
  }

  public CaseResults noisy(boolean isNoisy) {
    return change(b -> b.noisy(isNoisy));
  }

  public CaseResults noise(List<Fact> found) {
    return change(b -> b.noise(plus(result.noise(), found)));
  }

  public CaseResults discounted(Discounted... differences) {
    return change(b -> b.discounted(plus(result.discounted(), List.of(differences))));
  }

  public CaseResult build() {
    return result;
  }
}
