package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.testing.CaseResults;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of a verdict that every report prints: counts, scope, labels, sentences. */
class VerdictDetailsTests {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static List<CaseResult> oneOfEach() {
    return List.of(
        CaseResults.passed("p").build(),
        CaseResults.failed("f1").build(),
        CaseResults.failed("f2").build(),
        CaseResults.errored("e").build(),
        CaseResults.of("a", Status.ACCEPTED).build());
  }

  @Test
  void countsEachStatusOnItsOwn() {
    assertThat(Counts.of(oneOfEach())).isEqualTo(new Counts(5, 1, 2, 1, 1));
  }

  @Test
  void theReasonsSayWhichCasesPassAsAcceptedDifferences() {
    Verdict verdict = Verdict.of("s", Mode.VERIFY, oneOfEach(), List.of(), START, 1);

    assertThat(verdict.reasons())
        .containsExactly(
            "2 cases differ: f1, f2",
            "1 case could not be compared: e",
            "1 case passes as an accepted difference: a");
  }

  @Test
  void aFilteredVerdictSaysSoInItsScopeAndReasons() {
    Verdict all =
        Verdict.of("s", Mode.VERIFY, List.of(CaseResults.passed("p").build()), List.of(), START, 1);
    Verdict two = Verdict.of("s", Mode.VERIFY, oneOfEach().subList(0, 2), List.of(), START, 1);

    assertThat(all.scope()).isEqualTo("all");
    assertThat(all.filtered("p*").scope()).isEqualTo("filtered");
    assertThat(all.filtered("p*").reasons())
        .contains(
            "filtered run (--filter p*): the decision holds for the 1 selected case only, not for"
                + " the whole suite");
    assertThat(two.filtered("*").reasons())
        .contains(
            "filtered run (--filter *): the decision holds for the 2 selected cases only, not for"
                + " the whole suite");
  }

  @Test
  void labelsAndHeadlinesAreWhatReportsPrint() {
    assertThat(RunStatus.UNAVAILABLE.label()).isEqualTo("unavailable");
    assertThat(RunStatus.of("pass")).isEqualTo(RunStatus.PASS);
    assertThat(
            new Cluster(
                    "c1",
                    "k0",
                    "stdout: letter case",
                    Status.FAIL,
                    2,
                    List.of("stdout: letter case"),
                    List.of(),
                    List.of("x", "y"),
                    List.of("x"),
                    List.of())
                .headline())
        .isEqualTo("stdout: letter case");
  }

  @Test
  void anAcceptanceSaysEverythingInOneSentence() {
    Acceptance full =
        Acceptance.of("rounding", Optional.of("T-1"), Optional.of("2027-01-31"), "ann", START);
    Acceptance bare = new Acceptance("rounding", null, null, "ann", START);

    assertThat(full.sentence())
        .isEqualTo(
            "rounding (ticket T-1), until 2027-01-31, accepted by ann at 2026-01-01T00:00:00Z");
    assertThat(bare.ticket()).isEmpty();
    assertThat(bare.until()).isEmpty();
    assertThat(bare.sentence()).isEqualTo("rounding, accepted by ann at 2026-01-01T00:00:00Z");
  }

  @Test
  void aResultReadWithoutAcceptanceHasNoneAndItsFirstFactFirst() {
    CaseResult result =
        new CaseResult(
            "a",
            List.of(),
            Status.FAIL,
            "differs",
            List.of(new Fact("stdout", "1 line differs"), new Fact("stderr", "2 lines differ")),
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            false,
            List.of(),
            List.of(),
            null,
            null);

    assertThat(result.accepted()).isEmpty();
    assertThat(result.firstFact()).contains(new Fact("stdout", "1 line differs"));
    assertThat(CaseResults.passed("b").build().firstFact()).isEmpty();
  }
}
