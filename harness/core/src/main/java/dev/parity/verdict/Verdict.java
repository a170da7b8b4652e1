package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.normalize.RuleUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "suite",
  "mode",
  "decision",
  "reasons",
  "counts",
  "unavailable",
  "startedAt",
  "durationMs",
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, Group> groups) {

  public Verdict {
    reasons = List.copyOf(reasons);
    unavailable = List.copyOf(unavailable);
    fixtures = List.copyOf(fixtures);
    rules = rules == null ? List.of() : List.copyOf(rules);
    suggestedRules = suggestedRules == null ? List.of() : List.copyOf(suggestedRules);
    performance = performance == null ? Optional.empty() : performance;
    groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups == null ? Map.of() : groups));
  }

  /**
   * This verdict with rule statistics and suggested rules; stale rules, noisy cases and discounted
   * noise are added to the reasons (they never change the decision).
   */
  public Verdict withNormalization(List<RuleUsage> usages, List<String> suggestions) {
    List<String> more = new ArrayList<>();
    List<String> noisy = fixtures.stream().filter(CaseResult::noisy).map(CaseResult::id).toList();
    if (!noisy.isEmpty() && mode == Mode.COMPARE) {
      more.add(
          "legacy noise discounted in "
              + noisy.size()
              + (noisy.size() == 1 ? " case" : " cases")
              + " (two legacy runs differ; see each case's noise): "
              + shorten(noisy));
    } else if (!noisy.isEmpty()) {
      more.add(
          noisy.size()
              + (noisy.size() == 1 ? " case is" : " cases are")
              + " noisy (legacy runs differ where no rule covers it): "
              + shorten(noisy));
    }
    List<String> stale =
        usages.stream()
            .filter(RuleUsage::stale)
            .map(u -> u.rule() + " (" + u.location() + ")")
            .toList();
    if (!stale.isEmpty()) {
      more.add(
          stale.size()
              + (stale.size() == 1 ? " rule" : " rules")
              + " fired nowhere (stale): "
              + String.join(", ", stale));
    }
    return new Verdict(
            suite,
            mode,
            decision,
            reasons,
            counts,
            unavailable,
            startedAt,
            durationMs,
            fixtures,
            usages,
            suggestions,
            performance,
            groups)
        .withReasons(more);
  }

  /** This verdict with more reasons; they explain, and never change the decision. */
  public Verdict withReasons(List<String> extra) {
    List<String> more = new ArrayList<>(reasons);
    more.addAll(extra);
    return new Verdict(
        suite,
        mode,
        decision,
        more,
        counts,
        unavailable,
        startedAt,
        durationMs,
        fixtures,
        rules,
        suggestedRules,
        performance,
        groups);
  }

  private static String shorten(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(5, ids.size())))
        + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
  }

  /**
   * The ship decision of {@code parity gate}: the behaviour verdict (verify or compare) combined
   * with the benchmark. The candidate ships only when every case passes and performance passes;
   * anything failing, erroring or inconclusive decides legacy. Every case tag becomes a group with
   * its own decision, judged on its cases and on {@code groupPerformance} for that tag (the suite's
   * performance where the group had no benchmarked case).
   */
  public static Verdict gate(
      Verdict behaviour,
      Performance performance,
      Map<String, Performance> groupPerformance,
      long durationMs) {
    List<String> reasons = new ArrayList<>(behaviour.reasons());
    reasons.add(performance.sentence());
    performance.alertSentence().ifPresent(reasons::add);
    Decision decision =
        behaviour.decision() == Decision.CANDIDATE && performance.status() == PerformanceStatus.PASS
            ? Decision.CANDIDATE
            : Decision.LEGACY;
    SortedMap<String, List<CaseResult>> byTag = new TreeMap<>();
    for (CaseResult result : behaviour.fixtures()) {
      result.tags().forEach(tag -> byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(result));
    }
    SortedMap<String, Group> groups = new TreeMap<>();
    byTag.forEach(
        (tag, results) -> {
          Performance groupPerf = groupPerformance.getOrDefault(tag, performance).withoutCases();
          List<String> groupReasons = new ArrayList<>();
          addReason(groupReasons, results, Status.FAIL, "differs", "differ");
          addReason(
              groupReasons,
              results,
              Status.ERROR,
              "could not be compared",
              "could not be compared");
          boolean behaves = groupReasons.isEmpty();
          if (behaves) {
            groupReasons.add(
                "all " + results.size() + (results.size() == 1 ? " case passes" : " cases pass"));
          }
          groupReasons.add(groupPerf.sentence());
          Decision groupDecision =
              behaves
                      && behaviour.unavailable().isEmpty()
                      && groupPerf.status() == PerformanceStatus.PASS
                  ? Decision.CANDIDATE
                  : Decision.LEGACY;
          groups.put(
              tag,
              new Group(groupDecision, groupReasons, Counts.of(results), Optional.of(groupPerf)));
        });
    return new Verdict(
        behaviour.suite(),
        behaviour.mode(),
        decision,
        reasons,
        behaviour.counts(),
        behaviour.unavailable(),
        behaviour.startedAt(),
        durationMs,
        behaviour.fixtures(),
        behaviour.rules(),
        behaviour.suggestedRules(),
        Optional.of(performance),
        groups);
  }

  /**
   * The non-passing cases grouped by signature, largest group first; derived from {@link
   * #fixtures()}.
   */
  @JsonProperty("clusters")
  public List<Cluster> clusters() {
    return Clusters.of(fixtures);
  }

  /** Builds a verdict whose counts, decision and reasons follow from the case results. */
  public static Verdict of(
      String suite,
      Mode mode,
      List<CaseResult> results,
      List<String> unavailable,
      Instant startedAt,
      long durationMs) {
    Counts counts = Counts.of(results);
    List<String> reasons = new ArrayList<>();
    unavailable.forEach(u -> reasons.add(u));
    if (counts.total() == 0) {
      reasons.add("no case ran");
    }
    addReason(
        reasons,
        results,
        Status.FAIL,
        mode == Mode.RECORD ? "golden would change" : "differs",
        mode == Mode.RECORD ? "goldens would change" : "differ");
    addReason(reasons, results, Status.ERROR, "could not be compared", "could not be compared");
    Decision decision;
    if (mode == Mode.RECORD) {
      decision = Decision.LEGACY;
      reasons.add("record mode only stores legacy goldens; it never decides for the candidate");
    } else if (reasons.isEmpty()) {
      decision = Decision.CANDIDATE;
      reasons.add("all " + counts.total() + " cases pass");
    } else {
      decision = Decision.LEGACY;
    }
    return new Verdict(
        suite,
        mode,
        decision,
        reasons,
        counts,
        unavailable,
        startedAt,
        durationMs,
        results,
        List.of(),
        List.of(),
        Optional.empty(),
        new TreeMap<>());
  }

  private static void addReason(
      List<String> reasons, List<CaseResult> results, Status status, String one, String many) {
    List<String> ids =
        results.stream().filter(r -> r.status() == status).map(CaseResult::id).toList();
    if (ids.isEmpty()) {
      return;
    }
    String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
    String more = ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "";
    reasons.add(
        ids.size() + (ids.size() == 1 ? " case " + one : " cases " + many) + ": " + shown + more);
  }
}
