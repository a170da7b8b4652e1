package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.parity.normalize.RuleUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one run over a suite, as written to {@code verdict.json}.
 *
 * @param suite the suite key (its folder name)
 * @param mode record, verify or compare
 * @param decision which side ships
 * @param reasons plain sentences explaining the decision
 * @param counts totals by status
 * @param unavailable sides that could not be run at all, with why (exit code 3)
 * @param startedAt when the run began
 * @param durationMs wall time of the whole run
 * @param fixtures per-case results in case-id order
 * @param rules how often each normalization rule fired; a rule that fired nowhere is stale
 * @param suggestedRules rules that would cover the noise found between legacy runs, as suite.yaml
 *     text
 * @param performance the benchmark's outcome, present when {@code parity gate} ran it
 * @param groups every case tag with its own decision (written by {@code parity gate}), by tag
 * @param filter the {@code --filter} glob when the run was limited to some cases: it then decides
 *     for those cases only
 * @param error why the run could not produce a verdict (bad configuration, internal error); such a
 *     verdict has no case and decides legacy
 * @param strict what {@code --strict} found wrong beside the cases (orphan goldens, pending
 *     results, expired accepted differences), one sentence each; any fails the run and decides
 *     legacy
 * @param shard the shard this run was ({@code --shard K/N}), with what a merge checks; its decision
 *     holds for the shard's cases only
 * @param parityVersion the release of Parity that wrote the verdict ({@link ParityVersion})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(builder = VerdictBuilder.class)
@JsonPropertyOrder({
  "suite",
  "mode",
  "decision",
  "status",
  "scope",
  "filter",
  "error",
  "strict",
  "shard",
  "reasons",
  "counts",
  "unavailable",
  "startedAt",
  "durationMs",
  "parityVersion",
  "performance",
  "groups",
  "clusters",
  "rules",
  "suggestedRules",
  "fixtures"
})
public record Verdict(
    String suite,
    Mode mode,
    Decision decision,
    List<String> reasons,
    Counts counts,
    List<String> unavailable,
    Instant startedAt,
    long durationMs,
    List<CaseResult> fixtures,
    List<RuleUsage> rules,
    List<String> suggestedRules,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Performance> performance,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, Group> groups,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> filter,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> error,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> strict,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ShardInfo> shard,
    String parityVersion) {

  public Verdict {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(decision, "decision");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(counts, "counts");
    unavailable = List.copyOf(unavailable);
    Objects.requireNonNull(startedAt, "startedAt");
    fixtures = List.copyOf(fixtures);
    rules = List.copyOf(rules);
    suggestedRules = List.copyOf(suggestedRules);
    Objects.requireNonNull(performance, "performance");
    groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(error, "error");
    strict = List.copyOf(strict);
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(parityVersion, "parityVersion");
  }

  /**
   * A verdict to be built: no case, no reason, no rule statistics, performance, group, filter or
   * error until they are set; counts not set are those of its fixtures.
   */
  public static VerdictBuilder builder(
      String suite, Mode mode, Decision decision, Instant startedAt) {
    return new VerdictBuilder().suite(suite).mode(mode).decision(decision).startedAt(startedAt);
  }

  /** A builder that starts from this verdict, for a verdict that differs in a few fields. */
  public VerdictBuilder toBuilder() {
    return builder(suite, mode, decision, startedAt)
        .reasons(reasons)
        .counts(counts)
        .unavailable(unavailable)
        .durationMs(durationMs)
        .fixtures(fixtures)
        .rules(rules)
        .suggestedRules(suggestedRules)
        .performance(performance)
        .groups(groups)
        .filter(filter)
        .error(error)
        .strict(strict)
        .shard(shard)
        .parityVersion(parityVersion);
  }

  /**
   * This verdict with rule statistics and suggested rules; stale rules, noisy cases and discounted
   * noise are added to the reasons (they never change the decision).
   */
  public Verdict withNormalization(List<RuleUsage> usages, List<String> suggestions) {
    return toBuilder()
        .rules(usages)
        .suggestedRules(suggestions)
        .build()
        .withReasons(NormalizationReasons.of(mode, fixtures, usages));
  }

  /**
   * This verdict failed by {@code --strict} for each of {@code problems} (orphan goldens, pending
   * results, expired accepted differences): the decision is legacy and the reasons name each.
   */
  public Verdict withStrict(List<String> problems) {
    if (problems.isEmpty()) {
      return this;
    }
    List<String> more = new ArrayList<>(reasons);
    problems.forEach(p -> more.add("--strict: " + p));
    return toBuilder().decision(Decision.LEGACY).reasons(more).strict(problems).build();
  }

  /** This verdict with more reasons; they explain, and never change the decision. */
  public Verdict withReasons(List<String> extra) {
    List<String> more = new ArrayList<>(reasons);
    more.addAll(extra);
    return toBuilder().reasons(more).build();
  }

  /**
   * The ship decision of {@code parity gate}: the behaviour verdict (verify or compare) combined
   * with the benchmark. The candidate ships only when every case passes, performance passes and
   * every group decides candidate; anything failing, erroring or inconclusive decides legacy. Every
   * case tag becomes a group with its own decision, judged on its cases and on {@code
   * groupPerformance} for that tag (the suite's performance where the group had no benchmarked
   * case).
   */
  public static Verdict gate(
      Verdict behaviour,
      Performance performance,
      Map<String, Performance> groupPerformance,
      long durationMs) {
    return Decisions.gate(behaviour, performance, groupPerformance, durationMs);
  }

  /**
   * The non-passing cases grouped by signature, largest group first; derived from {@link
   * #fixtures()}.
   */
  @JsonProperty("clusters")
  public List<Cluster> clusters() {
    return ClusterMemo.of(fixtures);
  }

  /** How the run ended; every report and the exit code derive from it. */
  @JsonProperty("status")
  public RunStatus status() {
    return Decisions.status(this);
  }

  /**
   * {@code shard} for one shard of a run ({@code --shard}), {@code filtered} when the run was
   * limited by {@code --filter}, else {@code all}.
   */
  @JsonProperty("scope")
  public String scope() {
    return shard.isPresent() ? "shard" : filter.isPresent() ? "filtered" : "all";
  }

  /** This verdict as shard {@code info} of a run; its decision holds for the shard's cases only. */
  public Verdict withShard(ShardInfo info) {
    return ShardMerge.shard(this, info);
  }

  /**
   * One verdict from the verdicts of a run's shards (checked to belong together), judged again from
   * the merged case results: a shard's decision is never taken.
   */
  public static Verdict merge(List<Verdict> shards) {
    return ShardMerge.merge(shards);
  }

  /**
   * The tests of this run that are not cases (the performance gate, each group, the decision when
   * nothing else explains it), for the test reports.
   */
  public List<Check> checks() {
    return Decisions.checks(this);
  }

  /**
   * This verdict judged again from its case statuses (and performance): counts, decision and group
   * decisions are recomputed, so that a hand-edited {@code decision} in verdict.json is not
   * trusted. A changed decision is said in the first reason.
   */
  public Verdict rejudged() {
    return Decisions.rejudged(this);
  }

  /**
   * This verdict limited to the cases selected by {@code glob}: the decision holds for those cases
   * only, which the reasons say.
   */
  public Verdict filtered(String glob) {
    return toBuilder()
        .filter(Optional.of(glob))
        .build()
        .withReasons(List.of(Decisions.filterReason(glob, counts.total())));
  }

  /** The verdict of a run that could not produce one: no case, decision legacy, the error said. */
  public static Verdict error(
      String suite, Mode mode, String message, Instant startedAt, long durationMs) {
    return builder(suite, mode, Decision.LEGACY, startedAt)
        .reasons(List.of("the run could not produce a verdict: " + message))
        .durationMs(durationMs)
        .error(Optional.of(message))
        .build();
  }

  /** Builds a verdict whose counts, decision and reasons follow from the case results. */
  public static Verdict of(
      String suite,
      Mode mode,
      List<CaseResult> results,
      List<String> unavailable,
      Instant startedAt,
      long durationMs) {
    Decisions.Decided decided = Decisions.behaviour(mode, results, unavailable);
    return builder(suite, mode, decided.decision(), startedAt)
        .reasons(decided.reasons())
        .unavailable(unavailable)
        .durationMs(durationMs)
        .fixtures(results)
        .build();
  }
}
