package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.parity.normalize.RuleUsage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Verdict} field by field (start from {@link Verdict#builder} or {@link
 * Verdict#toBuilder}), so that no caller spells out every component; {@code verdict.json} is read
 * through it too, where the fields a writer leaves out (empty ones) start empty.
 */
@JsonPOJOBuilder(withPrefix = "")
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VerdictBuilder {
  // Unset until given: build() rejects a missing one with its name, as Verdict's constructor does.
  private @Nullable String suite;
  private @Nullable Mode mode;
  private @Nullable Decision decision;
  private List<String> reasons = List.of();
  private @Nullable Counts counts;
  private List<String> unavailable = List.of();
  private @Nullable Instant startedAt;
  private long durationMs;
  private List<CaseResult> fixtures = List.of();
  private List<RuleUsage> rules = List.of();
  private List<String> suggestedRules = List.of();
  private Optional<Performance> performance = Optional.empty();
  private SortedMap<String, Group> groups = new TreeMap<>();
  private Optional<String> filter = Optional.empty();
  private Optional<String> error = Optional.empty();
  private List<String> strict = List.of();
  private Optional<ShardInfo> shard = Optional.empty();
  // A verdict.json written before the field existed reads as written by this release.
  private String parityVersion = ParityVersion.current();

  VerdictBuilder() {}

  public VerdictBuilder suite(String suite) {
    this.suite = suite;
    return this;
  }

  public VerdictBuilder mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public VerdictBuilder decision(Decision decision) {
    this.decision = decision;
    return this;
  }

  public VerdictBuilder reasons(List<String> reasons) {
    this.reasons = reasons;
    return this;
  }

  public VerdictBuilder counts(Counts counts) {
    this.counts = counts;
    return this;
  }

  public VerdictBuilder unavailable(List<String> unavailable) {
    this.unavailable = unavailable;
    return this;
  }

  public VerdictBuilder startedAt(Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public VerdictBuilder durationMs(long durationMs) {
    this.durationMs = durationMs;
    return this;
  }

  public VerdictBuilder fixtures(List<CaseResult> fixtures) {
    this.fixtures = fixtures;
    return this;
  }

  public VerdictBuilder rules(List<RuleUsage> rules) {
    this.rules = rules;
    return this;
  }

  public VerdictBuilder suggestedRules(List<String> suggestedRules) {
    this.suggestedRules = suggestedRules;
    return this;
  }

  public VerdictBuilder performance(Optional<Performance> performance) {
    this.performance = performance;
    return this;
  }

  public VerdictBuilder groups(SortedMap<String, Group> groups) {
    this.groups = groups;
    return this;
  }

  public VerdictBuilder filter(Optional<String> filter) {
    this.filter = filter;
    return this;
  }

  public VerdictBuilder error(Optional<String> error) {
    this.error = error;
    return this;
  }

  public VerdictBuilder strict(List<String> strict) {
    this.strict = strict;
    return this;
  }

  public VerdictBuilder shard(Optional<ShardInfo> shard) {
    this.shard = shard;
    return this;
  }

  public VerdictBuilder parityVersion(String parityVersion) {
    this.parityVersion = parityVersion;
    return this;
  }

  /**
   * The verdict; counts not set are those of the fixtures. A missing suite, mode, decision or start
   * time (a verdict.json that lacks one) is rejected with its name.
   */
  public Verdict build() {
    return new Verdict(
        Objects.requireNonNull(suite, "suite"),
        Objects.requireNonNull(mode, "mode"),
        Objects.requireNonNull(decision, "decision"),
        reasons,
        counts == null ? Counts.of(fixtures) : counts,
        unavailable,
        Objects.requireNonNull(startedAt, "startedAt"),
        durationMs,
        fixtures,
        rules,
        suggestedRules,
        performance,
        groups,
        filter,
        error,
        strict,
        shard,
        parityVersion);
  }
}
