package dev.parity.allure;

import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The verdict the Allure tests write: one case that passes, one that fails, one in error. */
final class AllureVerdicts {
  private AllureVerdicts() {}

  /** A passing, a failing (two clusters' worth of facts and a diff) and an erroring case. */
  static Verdict threeCases() {
    StreamDiff diff =
        new StreamDiff(
            "stdout",
            StreamDiff.Kind.TEXT,
            1,
            1,
            false,
            false,
            "--- legacy\n+++ candidate\n-a\n+b\n");
    List<CaseResult> results =
        List.of(
            CaseResults.of("ok/one", Status.PASS)
                .tags(List.of("fast"))
                .summary("identical")
                .durations(Map.of("candidate", 3L))
                .build(),
            CaseResults.of("bad/two", Status.FAIL)
                .tags(List.of("slow", "io"))
                .summary("stdout differ")
                .facts(List.of(new Fact("stdout", "1 line removed")))
                .diffs(List.of(diff))
                .durations(Map.of("legacy", 120L, "candidate", 297L))
                .build(),
            CaseResults.of("err/three", Status.ERROR)
                .summary("candidate timed out")
                .facts(List.of(new Fact("error", "timed out")))
                .build());
    return Verdict.of(
        "demo", Mode.VERIFY, results, List.of(), Instant.parse("2026-01-01T00:00:00Z"), 10);
  }
}
