package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.normalize.RuleUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * @param suggestedRules rules that would cover the noise found between legacy runs, as suite.yaml text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"suite", "mode", "decision", "reasons", "counts", "unavailable", "startedAt", "durationMs", "rules", "suggestedRules", "fixtures"})
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
    List<String> suggestedRules) {

  public Verdict {
    reasons = List.copyOf(reasons);
    unavailable = List.copyOf(unavailable);
    fixtures = List.copyOf(fixtures);
    rules = rules == null ? List.of() : List.copyOf(rules);
    suggestedRules = suggestedRules == null ? List.of() : List.copyOf(suggestedRules);
  }

  public Verdict(
      String suite,
      Mode mode,
      Decision decision,
      List<String> reasons,
      Counts counts,
      List<String> unavailable,
      Instant startedAt,
      long durationMs,
      List<CaseResult> fixtures) {
    this(suite, mode, decision, reasons, counts, unavailable, startedAt, durationMs, fixtures, List.of(), List.of());
  }

  /**
   * This verdict with rule statistics and suggested rules; stale rules, noisy cases and discounted
   * noise are added to the reasons (they never change the decision).
   */
  public Verdict withNormalization(List<RuleUsage> usages, List<String> suggestions) {
    List<String> more = new ArrayList<>(reasons);
    List<String> noisy = fixtures.stream().filter(CaseResult::noisy).map(CaseResult::id).toList();
    if (!noisy.isEmpty() && mode == Mode.COMPARE) {
      more.add("legacy noise discounted in " + noisy.size() + (noisy.size() == 1 ? " case" : " cases")
          + " (two legacy runs differ; see each case's noise): " + shorten(noisy));
    } else if (!noisy.isEmpty()) {
      more.add(noisy.size() + (noisy.size() == 1 ? " case is" : " cases are") + " noisy (legacy runs differ where no rule covers it): "
          + shorten(noisy));
    }
    List<String> stale = usages.stream().filter(RuleUsage::stale).map(u -> u.rule() + " (" + u.location() + ")").toList();
    if (!stale.isEmpty()) {
      more.add(stale.size() + (stale.size() == 1 ? " rule" : " rules") + " fired nowhere (stale): " + String.join(", ", stale));
    }
    return new Verdict(suite, mode, decision, more, counts, unavailable, startedAt, durationMs, fixtures, usages, suggestions);
  }

  private static String shorten(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
  }

  /** Builds a verdict whose counts, decision and reasons follow from the case results. */
  public static Verdict of(
      String suite, Mode mode, List<CaseResult> results, List<String> unavailable, Instant startedAt, long durationMs) {
    Counts counts = Counts.of(results);
    List<String> reasons = new ArrayList<>();
    unavailable.forEach(u -> reasons.add(u));
    if (counts.total() == 0) {
      reasons.add("no case ran");
    }
    addReason(reasons, results, Status.FAIL, mode == Mode.RECORD ? "golden would change" : "differs", mode == Mode.RECORD ? "goldens would change" : "differ");
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
    return new Verdict(suite, mode, decision, reasons, counts, unavailable, startedAt, durationMs, results);
  }

  private static void addReason(List<String> reasons, List<CaseResult> results, Status status, String one, String many) {
    List<String> ids = results.stream().filter(r -> r.status() == status).map(CaseResult::id).toList();
    if (ids.isEmpty()) {
      return;
    }
    String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
    String more = ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "";
    reasons.add(ids.size() + (ids.size() == 1 ? " case " + one : " cases " + many) + ": " + shown + more);
  }
}
