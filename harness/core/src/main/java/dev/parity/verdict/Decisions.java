package dev.parity.verdict;

import dev.parity.run.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place that decides: a verdict's decision, its groups' decisions and its status follow
 * from the case statuses and the performance here, and nowhere else. Every report reads them from
 * the verdict.
 */
final class Decisions {
  private Decisions() {}

  /** A decision with the reasons for it, in the order reports show them. */
  record Decided(Decision decision, List<String> reasons) {}

  /** Which side ships on the case results alone (no performance), and why. */
  static Decided behaviour(Mode mode, List<CaseResult> results, List<String> unavailable) {
    Counts counts = Counts.of(results);
    List<String> reasons = new ArrayList<>(unavailable);
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
    // Said, and never a reason to keep legacy: an accepted difference passes.
    addReason(
        reasons,
        results,
        Status.ACCEPTED,
        "passes as an accepted difference",
        "pass as accepted differences");
    return new Decided(decision, reasons);
  }

  static Verdict gate(
      Verdict behaviour,
      Performance performance,
      Map<String, Performance> groupPerformance,
      long durationMs) {
    List<String> reasons = new ArrayList<>(behaviour.reasons());
    reasons.add(performance.sentence());
    performance.alertSentence().ifPresent(reasons::add);
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
    // Shipping the candidate ships every group: one group that keeps legacy keeps it for all.
    List<String> legacyGroups =
        groups.entrySet().stream()
            .filter(g -> g.getValue().decision() == Decision.LEGACY)
            .map(Map.Entry::getKey)
            .toList();
    Decision decision =
        behaviour.decision() == Decision.CANDIDATE
                && performance.status() == PerformanceStatus.PASS
                && legacyGroups.isEmpty()
            ? Decision.CANDIDATE
            : Decision.LEGACY;
    if (behaviour.decision() == Decision.CANDIDATE
        && performance.status() == PerformanceStatus.PASS
        && !legacyGroups.isEmpty()) {
      reasons.add(
          (legacyGroups.size() == 1 ? "group " : "groups ")
              + shorten(legacyGroups)
              + " keep"
              + (legacyGroups.size() == 1 ? "s" : "")
              + " legacy (see groups)");
    }
    return behaviour.toBuilder()
        .decision(decision)
        .reasons(reasons)
        .durationMs(durationMs)
        .performance(Optional.of(performance))
        .groups(groups)
        .build();
  }

  static RunStatus status(Verdict verdict) {
    if (verdict.error().isPresent()) {
      return RunStatus.ERROR;
    }
    if (!verdict.unavailable().isEmpty()) {
      return RunStatus.UNAVAILABLE;
    }
    if (!verdict.strict().isEmpty()) {
      return RunStatus.FAIL;
    }
    if (verdict.mode() == Mode.RECORD) {
      Counts counts = verdict.counts();
      return counts.failed() + counts.errors() == 0 ? RunStatus.PASS : RunStatus.FAIL;
    }
    return verdict.decision() == Decision.CANDIDATE ? RunStatus.PASS : RunStatus.FAIL;
  }

  static List<Check> checks(Verdict verdict) {
    List<Check> checks = new ArrayList<>();
    verdict
        .performance()
        .ifPresent(
            p -> {
              Status status =
                  switch (p.status()) {
                    case PASS -> Status.PASS;
                    case ERROR -> Status.ERROR;
                    default -> Status.FAIL;
                  };
              String details = p.sentence() + p.alertSentence().map(a -> "\n" + a).orElse("");
              checks.add(new Check("performance", status, p.sentence(), details));
            });
    verdict
        .groups()
        .forEach(
            (tag, group) ->
                checks.add(
                    new Check(
                        "group " + tag,
                        group.decision() == Decision.CANDIDATE ? Status.PASS : Status.FAIL,
                        "decision " + group.decision().label(),
                        String.join("\n", group.reasons()))));
    if (!verdict.strict().isEmpty()) {
      checks.add(
          new Check(
              "strict",
              Status.FAIL,
              verdict.strict().size()
                  + (verdict.strict().size() == 1 ? " problem" : " problems")
                  + " under --strict: "
                  + verdict.strict().get(0),
              String.join("\n", verdict.strict())));
    }
    RunStatus status = status(verdict);
    boolean explained =
        verdict.fixtures().stream().anyMatch(r -> !r.status().passes())
            || checks.stream().anyMatch(c -> c.status() != Status.PASS);
    // A run that does not pass must show a failing test somewhere (no case ran, a side was
    // unavailable, the run itself failed): a dashboard must never be green for it.
    if (status != RunStatus.PASS && !explained) {
      String headline =
          verdict
              .error()
              .map(e -> "no verdict: " + e)
              .orElse(
                  verdict.reasons().isEmpty()
                      ? "decision " + verdict.decision().label()
                      : verdict.reasons().get(0));
      checks.add(
          new Check(
              "decision",
              status == RunStatus.FAIL ? Status.FAIL : Status.ERROR,
              headline,
              String.join("\n", verdict.reasons())));
    }
    return checks;
  }

  static Verdict rejudged(Verdict stored) {
    if (stored.error().isPresent()) {
      return Verdict.error(
          stored.suite(),
          stored.mode(),
          stored.error().get(),
          stored.startedAt(),
          stored.durationMs());
    }
    Verdict judged =
        Verdict.of(
            stored.suite(),
            stored.mode(),
            stored.fixtures(),
            stored.unavailable(),
            stored.startedAt(),
            stored.durationMs());
    if (stored.performance().isPresent()) {
      Map<String, Performance> groupPerformance = new HashMap<>();
      stored
          .groups()
          .forEach(
              (tag, group) -> group.performance().ifPresent(p -> groupPerformance.put(tag, p)));
      judged = gate(judged, stored.performance().get(), groupPerformance, stored.durationMs());
    }
    if (!stored.strict().isEmpty()) {
      judged = judged.toBuilder().decision(Decision.LEGACY).build();
    }
    List<String> reasons = new ArrayList<>();
    if (judged.decision() != stored.decision()) {
      reasons.add(
          "verdict.json said decision "
              + stored.decision().label()
              + ", but its case statuses"
              + (stored.performance().isPresent() ? " and performance" : "")
              + " decide "
              + judged.decision().label()
              + " (recomputed)");
    }
    reasons.addAll(stored.reasons());
    return stored.toBuilder()
        .decision(judged.decision())
        .reasons(reasons)
        .counts(judged.counts())
        .groups(judged.groups())
        .build();
  }

  static String filterReason(String glob, int selected) {
    return "filtered run (--filter "
        + glob
        + "): the decision holds for the "
        + selected
        + (selected == 1 ? " selected case" : " selected cases")
        + " only, not for the whole suite";
  }

  static void addReason(
      List<String> reasons, List<CaseResult> results, Status status, String one, String many) {
    List<String> ids =
        results.stream().filter(r -> r.status() == status).map(CaseResult::id).toList();
    if (ids.isEmpty()) {
      return;
    }
    reasons.add(
        ids.size() + (ids.size() == 1 ? " case " + one : " cases " + many) + ": " + shorten(ids));
  }

  /** At most five ids, then how many more: reasons stay one readable line. */
  static String shorten(List<String> ids) {
    return Listing.firstAndMore(ids, 5);
  }
}
