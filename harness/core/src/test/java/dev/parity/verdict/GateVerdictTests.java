package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.testing.CaseResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateVerdictTests {
  private static CaseResult result(String id, Status status, String... tags) {
    List<Fact> facts = status == Status.PASS ? List.of() : List.of(new Fact("stdout", "differs"));
    return CaseResults.of(id, status).tags(List.of(tags)).summary("x").facts(facts).build();
  }

  private static Performance performance(
      double ratio, double low, double high, PerformanceStatus status) {
    return new Performance(
        OptionalDouble.of(ratio),
        OptionalDouble.of(low),
        OptionalDouble.of(high),
        1.10,
        1.05,
        ratio > 1.05,
        status,
        Optional.empty(),
        Optional.empty(),
        "m",
        List.of());
  }

  private static Verdict behaviour(CaseResult... results) {
    return Verdict.of("s", Mode.VERIFY, List.of(results), List.of(), Instant.EPOCH, 5);
  }

  @Test
  void judgesTheIntervalAgainstMaxRatio() {
    assertThat(PerformanceStatus.judge(0.95, 1.10, 1.10)).isEqualTo(PerformanceStatus.PASS);
    assertThat(PerformanceStatus.judge(1.11, 1.30, 1.10)).isEqualTo(PerformanceStatus.FAIL);
    assertThat(PerformanceStatus.judge(1.05, 1.15, 1.10)).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(PerformanceStatus.judge(1.10, 1.15, 1.10)).isEqualTo(PerformanceStatus.INCONCLUSIVE);
  }

  @Test
  void candidateShipsOnlyWhenBehaviourAndPerformancePass() {
    Verdict verdict =
        Verdict.gate(
            behaviour(result("a", Status.PASS, "x")),
            performance(1.02, 0.98, 1.06, PerformanceStatus.PASS),
            Map.of(),
            9);

    assertThat(verdict.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verdict.reasons())
        .containsExactly(
            "all 1 cases pass", "candidate is 1.02x slower (95% CI 0.98-1.06), within 1.10");
    assertThat(verdict.durationMs()).isEqualTo(9);
  }

  @Test
  void slowCandidateKeepsLegacyWithPlainReason() {
    Verdict verdict =
        Verdict.gate(
            behaviour(
                result("a", Status.PASS),
                result("b", Status.FAIL),
                result("c", Status.FAIL),
                result("d", Status.FAIL)),
            performance(1.31, 1.22, 1.40, PerformanceStatus.FAIL),
            Map.of(),
            1);

    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.reasons())
        .containsExactly(
            "3 cases differ: b, c, d",
            "candidate is 1.31x slower (95% CI 1.22-1.40), above 1.10",
            "alert: ratio 1.31 is above alertRatio 1.05");
  }

  @Test
  void inconclusiveAndErrorDecideLegacy() {
    Verdict inconclusive =
        Verdict.gate(
            behaviour(result("a", Status.PASS)),
            performance(1.08, 1.01, 1.15, PerformanceStatus.INCONCLUSIVE),
            Map.of(),
            1);
    Performance error =
        new Performance(
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            1.10,
            1.05,
            false,
            PerformanceStatus.ERROR,
            Optional.of("case a: candidate timed out after 1s"),
            Optional.empty(),
            "m",
            List.of());
    Verdict errored = Verdict.gate(behaviour(result("a", Status.PASS)), error, Map.of(), 1);

    assertThat(inconclusive.decision()).isEqualTo(Decision.LEGACY);
    assertThat(inconclusive.reasons().get(1))
        .isEqualTo(
            "candidate is 1.08x slower (95% CI 1.01-1.15), inconclusive against 1.10: the interval is too wide to decide within the time budget");
    assertThat(errored.decision()).isEqualTo(Decision.LEGACY);
    assertThat(errored.reasons().get(1))
        .isEqualTo("performance could not be measured: case a: candidate timed out after 1s");
  }

  @Test
  void fasterCandidateIsSaidSo() {
    assertThat(performance(0.8, 0.75, 0.85, PerformanceStatus.PASS).sentence())
        .isEqualTo("candidate is 1.25x faster (ratio 0.80) (95% CI 0.75-0.85), within 1.10");
  }

  @Test
  void everyTagIsAGroupWithItsOwnDecision() {
    Verdict verdict =
        Verdict.gate(
            behaviour(
                result("a", Status.PASS, "search"),
                result("b", Status.FAIL, "search", "list"),
                result("c", Status.PASS, "stats")),
            performance(1.0, 0.97, 1.03, PerformanceStatus.PASS),
            Map.of("stats", performance(1.5, 1.4, 1.6, PerformanceStatus.FAIL)),
            1);

    assertThat(verdict.groups()).containsOnlyKeys("list", "search", "stats");
    assertThat(verdict.groups().get("search").decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.groups().get("search").reasons())
        .containsExactly(
            "1 case differs: b", "candidate is 1.00x slower (95% CI 0.97-1.03), within 1.10");
    assertThat(verdict.groups().get("stats").decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.groups().get("stats").reasons().get(1))
        .isEqualTo("candidate is 1.50x slower (95% CI 1.40-1.60), above 1.10");
    assertThat(verdict.groups().get("stats").counts()).isEqualTo(new Counts(1, 1, 0, 0));

    Verdict allGood =
        Verdict.gate(
            behaviour(result("a", Status.PASS, "search"), result("c", Status.PASS, "stats")),
            performance(1.0, 0.97, 1.03, PerformanceStatus.PASS),
            Map.of("stats", performance(1.5, 1.4, 1.6, PerformanceStatus.FAIL)),
            1);
    assertThat(allGood.groups().get("search").decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(allGood.groups().get("stats").decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void writesAndReadsPerformanceAndGroups(@TempDir Path dir) throws IOException {
    Verdict verdict =
        Verdict.gate(
            behaviour(result("a", Status.PASS, "search")),
            performance(1.02, 0.98, 1.06, PerformanceStatus.PASS),
            Map.of(),
            1);
    Path file = dir.resolve("verdict.json");
    Files.writeString(file, VerdictJson.toJson(verdict));

    String json = Files.readString(file);
    assertThat(json)
        .contains(
            "\"performance\" : {\n    \"ratio\" : 1.02,\n    \"ciLow\" : 0.98,\n    \"ciHigh\" : 1.06,\n    \"maxRatio\" : 1.1,")
        .contains("\"status\" : \"pass\"")
        .contains("\"groups\" : {\n    \"search\" : {\n      \"decision\" : \"candidate\"");
    Verdict read = VerdictJson.read(file);
    assertThat(read.performance()).isEqualTo(verdict.performance());
    assertThat(read.groups()).isEqualTo(verdict.groups());
  }

  @Test
  void verdictsWithoutGateWriteNeitherField() {
    String json = VerdictJson.toJson(behaviour(result("a", Status.PASS, "x")));

    assertThat(json).doesNotContain("performance").doesNotContain("groups");
  }

  @Test
  void aGroupThatKeepsLegacyKeepsItForTheWholeGate() {
    Verdict verdict =
        Verdict.gate(
            behaviour(result("a", Status.PASS, "search"), result("c", Status.PASS, "stats")),
            performance(1.0, 0.97, 1.03, PerformanceStatus.PASS),
            Map.of("stats", performance(1.5, 1.4, 1.6, PerformanceStatus.FAIL)),
            1);

    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.reasons()).contains("group stats keeps legacy (see groups)");
    assertThat(verdict.checks())
        .extracting(Check::name, Check::status)
        .containsExactly(
            Tuple.tuple("performance", Status.PASS),
            Tuple.tuple("group search", Status.PASS),
            Tuple.tuple("group stats", Status.FAIL));
  }

  @Test
  void rejudgingIgnoresAHandEditedDecisionAndCounts() {
    Verdict stored =
        Verdict.gate(
            behaviour(result("a", Status.PASS, "x")),
            performance(1.31, 1.22, 1.40, PerformanceStatus.FAIL),
            Map.of(),
            1);
    Verdict edited =
        stored.toBuilder().decision(Decision.CANDIDATE).counts(new Counts(9, 9, 0, 0)).build();

    Verdict rejudged = edited.rejudged();

    assertThat(rejudged.decision()).isEqualTo(Decision.LEGACY);
    assertThat(rejudged.counts()).isEqualTo(new Counts(1, 1, 0, 0));
    assertThat(rejudged.reasons().get(0))
        .isEqualTo(
            "verdict.json said decision candidate, but its case statuses and performance decide"
                + " legacy (recomputed)");
    assertThat(ExitCodes.of(rejudged)).isEqualTo(ExitCodes.MISMATCH);
    assertThat(stored.rejudged()).isEqualTo(stored);
  }
}
