package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"suite", "mode", "decision", "reasons", "counts", "unavailable", "startedAt", "durationMs", "fixtures"})
public record Verdict(
    String suite,
    Mode mode,
    Decision decision,
    List<String> reasons,
    Counts counts,
    List<String> unavailable,
    Instant startedAt,
    long durationMs,
    List<CaseResult> fixtures) {

  public Verdict {
    reasons = List.copyOf(reasons);
    unavailable = List.copyOf(unavailable);
    fixtures = List.copyOf(fixtures);
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
