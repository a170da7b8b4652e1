package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.testing.CaseResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictFactoriesTests {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final SideTiming TIMING = new SideTiming(10.0, 9.0, 11.0, 5, OptionalLong.empty());

  @Test
  void verdictRejectsANullComponentInsteadOfMakingItEmpty() {
    VerdictBuilder verdict = Verdict.builder("s", Mode.VERIFY, Decision.LEGACY, START);

    assertThatThrownBy(() -> verdict.rules(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> verdict.rules(List.of()).performance(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void builderStartsEmptyAndCountsItsFixtures() {
    CaseResult failing = CaseResults.failed("a").summary("differs").build();

    Verdict verdict =
        Verdict.builder("s", Mode.VERIFY, Decision.LEGACY, START)
            .fixtures(List.of(failing))
            .build();

    assertThat(verdict.counts()).isEqualTo(new Counts(1, 0, 1, 0));
    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.rules()).isEmpty();
    assertThat(verdict.groups()).isEmpty();
    assertThat(verdict.performance()).isEmpty();
    assertThat(verdict.filter()).isEmpty();
    assertThat(verdict.error()).isEmpty();
    assertThat(verdict.toBuilder().build()).isEqualTo(verdict);
  }

  @Test
  void readsAVerdictWithoutTheFieldsAWriterLeavesOut(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("verdict.json");
    Files.writeString(
        file,
        """
        {"suite": "s", "mode": "verify", "decision": "candidate", "reasons": ["all 0 cases pass"],
         "counts": {"total": 0, "passed": 0, "failed": 0, "errors": 0},
         "startedAt": "2026-01-01T00:00:00Z", "durationMs": 3, "fixtures": []}
        """);

    Verdict read = VerdictJson.read(file);

    assertThat(read)
        .isEqualTo(
            Verdict.builder("s", Mode.VERIFY, Decision.CANDIDATE, START)
                .reasons(List.of("all 0 cases pass"))
                .durationMs(3)
                .build());
  }

  @Test
  void readingAVerdictWithoutADecisionFailsNamingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("verdict.json");
    Files.writeString(
        file, "{\"suite\": \"s\", \"mode\": \"verify\", \"startedAt\": \"2026-01-01T00:00:00Z\"}");

    assertThatThrownBy(() -> VerdictJson.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("decision");
  }

  @Test
  void aMeasuredCaseHasTimesAndNoErrorUntilTheWithersAddMore() {
    CasePerformance measured =
        CasePerformance.measured(
            "a", List.of("t"), PerformanceStatus.PASS, 1.02, 3, TIMING, TIMING);

    assertThat(measured.ratio()).isEqualTo(OptionalDouble.of(1.02));
    assertThat(measured.ciLow()).isEmpty();
    assertThat(measured.ciHigh()).isEmpty();
    assertThat(measured.legacy()).contains(TIMING);
    assertThat(measured.candidate()).contains(TIMING);
    assertThat(measured.overheadMs()).isEmpty();
    assertThat(measured.error()).isEmpty();
    assertThat(measured.caveat()).isEmpty();

    CasePerformance full =
        measured.withInterval(0.98, 1.06).withOverheadMs(0.5).inconclusive("overhead kept");

    assertThat(full.ciLow()).isEqualTo(OptionalDouble.of(0.98));
    assertThat(full.ciHigh()).isEqualTo(OptionalDouble.of(1.06));
    assertThat(full.overheadMs()).isEqualTo(OptionalDouble.of(0.5));
    assertThat(full.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(full.caveat()).contains("overhead kept");
    assertThat(full.ratio()).isEqualTo(measured.ratio());
    assertThat(full.rounds()).isEqualTo(3);
  }

  @Test
  void aCaseNotMeasuredIsAnErrorWithWhyAndNothingMeasured() {
    CasePerformance failed = CasePerformance.notMeasured("a", List.of("t"), 2, "candidate exit 1");

    assertThat(failed.status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(failed.error()).contains("candidate exit 1");
    assertThat(failed.rounds()).isEqualTo(2);
    assertThat(failed.ratio()).isEmpty();
    assertThat(failed.legacy()).isEmpty();
    assertThat(failed.candidate()).isEmpty();
  }

  @Test
  void casePerformanceRejectsANullComponent() {
    assertThatThrownBy(
            () ->
                new CasePerformance(
                    "a",
                    List.of(),
                    PerformanceStatus.PASS,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    null,
                    Optional.empty()))
        .isInstanceOf(NullPointerException.class);
  }
}
