package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.parity.diff.Fact;
import dev.parity.normalize.RuleUsage;
import dev.parity.testing.CaseResults;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardMergeTests {
  private static CaseResult result(String id, Status status, String... tags) {
    List<Fact> facts = status == Status.PASS ? List.of() : List.of(new Fact("stdout", "differs"));
    return CaseResults.of(id, status).tags(List.of(tags)).summary("x").facts(facts).build();
  }

  private static Performance performance(
      double ratio, double low, double high, PerformanceStatus status, int cases) {
    List<CasePerformance> measured =
        IntStream.range(0, cases)
            .mapToObj(
                i ->
                    CasePerformance.notMeasured("c" + ratio + "-" + i, List.of(), 0, "x")
                        .withInterval(low, high))
            .toList();
    return new Performance(
        OptionalDouble.of(ratio),
        OptionalDouble.of(low),
        OptionalDouble.of(high),
        1.10,
        1.50,
        false,
        status,
        Optional.empty(),
        Optional.empty(),
        "m",
        measured);
  }

  /** Shard {@code k} of {@code n} of a verify run over {@code ids}, with {@code results}. */
  private static Verdict shard(
      int k, int n, String command, List<String> all, CaseResult... results) {
    Verdict verdict =
        Verdict.of(
            "s", Mode.VERIFY, List.of(results), List.of(), Instant.ofEpochSecond(k), 10L * k);
    return verdict.withShard(
        new ShardInfo(
            k,
            n,
            "1.0",
            command,
            all.size(),
            ShardInfo.digestOf(all),
            List.of(results).stream().map(CaseResult::id).toList(),
            new ShardInfo.Inputs("suite", "goldens", ShardInfo.Inputs.NONE, false)));
  }

  @Test
  void theMergedVerdictIsJudgedFromTheMergedCasesInIdOrder() {
    List<String> all = List.of("a", "b", "c");
    Verdict first = shard(1, 2, "verify", all, result("c", Status.PASS), result("a", Status.PASS));
    Verdict second = shard(2, 2, "verify", all, result("b", Status.FAIL));

    Verdict merged = Verdict.merge(List.of(first, second));

    assertThat(merged.fixtures()).extracting(CaseResult::id).containsExactly("a", "b", "c");
    assertThat(merged.decision()).isEqualTo(Decision.LEGACY);
    assertThat(merged.counts()).isEqualTo(new Counts(3, 2, 1, 0));
    assertThat(merged.shard()).isEmpty();
    assertThat(merged.scope()).isEqualTo("all");
    assertThat(merged.startedAt()).isEqualTo(Instant.ofEpochSecond(1));
    assertThat(merged.durationMs()).isEqualTo(20);
    assertThat(merged.reasons())
        .containsExactly(
            "1 case differs: b",
            "merged from 2 shards; the decision is judged again from their 3 case results");
  }

  @Test
  void aShardThatClaimsCandidateDoesNotMakeTheMergeShipIt() {
    List<String> all = List.of("a", "b");
    Verdict lying =
        shard(1, 2, "verify", all, result("a", Status.FAIL)).toBuilder()
            .decision(Decision.CANDIDATE)
            .counts(new Counts(1, 1, 0, 0))
            .build();
    Verdict second = shard(2, 2, "verify", all, result("b", Status.PASS));

    Verdict merged = Verdict.merge(List.of(lying, second));

    assertThat(merged.decision()).isEqualTo(Decision.LEGACY);
    assertThat(merged.counts().failed()).isEqualTo(1);
  }

  @Test
  void strictProblemsAndUnavailableSidesOfAnyShardKeepLegacy() {
    List<String> all = List.of("a", "b");
    Verdict first = shard(1, 2, "verify", all, result("a", Status.PASS)).withStrict(List.of("p"));
    Verdict second = shard(2, 2, "verify", all, result("b", Status.PASS));

    Verdict merged = Verdict.merge(List.of(first, second));

    assertThat(merged.decision()).isEqualTo(Decision.LEGACY);
    assertThat(merged.strict()).containsExactly("p");
  }

  @Test
  void aGateMergePassesPerformanceOnlyWhenEveryShardPassed() {
    List<String> all = List.of("a", "b");
    Verdict fast =
        Verdict.gate(
            shard(1, 2, "gate", all, result("a", Status.PASS, "x")),
            performance(0.9, 0.85, 0.95, PerformanceStatus.PASS, 1),
            Map.of(),
            1);
    Verdict inconclusive =
        Verdict.gate(
            shard(2, 2, "gate", all, result("b", Status.PASS, "x")),
            performance(1.0, 0.8, 1.3, PerformanceStatus.INCONCLUSIVE, 3),
            Map.of(),
            1);
    Verdict alsoFast =
        Verdict.gate(
            shard(2, 2, "gate", all, result("b", Status.PASS, "x")),
            performance(1.0, 0.9, 1.05, PerformanceStatus.PASS, 3),
            Map.of(),
            1);

    Verdict notPassing = Verdict.merge(List.of(fast, inconclusive));
    Verdict passing = Verdict.merge(List.of(fast, alsoFast));

    assertThat(notPassing.decision()).isEqualTo(Decision.LEGACY);
    Performance hull = notPassing.performance().orElseThrow();
    assertThat(hull.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(hull.ciLow().getAsDouble()).isEqualTo(0.8);
    assertThat(hull.ciHigh().getAsDouble()).isEqualTo(1.3);
    // The geometric mean, each shard weighing its benchmarked cases (1 and 3).
    assertThat(hull.ratio().getAsDouble()).isCloseTo(Math.exp(Math.log(0.9) / 4), offset(1e-9));
    assertThat(hull.cases()).hasSize(4);
    assertThat(notPassing.groups().get("x").decision()).isEqualTo(Decision.LEGACY);
    assertThat(passing.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(passing.performance().orElseThrow().ciHigh().getAsDouble()).isEqualTo(1.05);
  }

  @Test
  void aGateMergeWithAFailedBenchmarkOrNoneKeepsLegacy() {
    List<String> all = List.of("a", "b");
    Performance failed =
        new Performance(
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            1.10,
            1.50,
            false,
            PerformanceStatus.ERROR,
            Optional.of("case b: timed out"),
            Optional.empty(),
            "m",
            List.of());
    Verdict fast =
        Verdict.gate(
            shard(1, 2, "gate", all, result("a", Status.PASS)),
            performance(0.9, 0.85, 0.95, PerformanceStatus.PASS, 1),
            Map.of(),
            1);
    Verdict broken =
        Verdict.gate(shard(2, 2, "gate", all, result("b", Status.PASS)), failed, Map.of(), 1);
    Verdict unbenchmarked = shard(2, 2, "gate", all, result("b", Status.PASS));

    Verdict withError = Verdict.merge(List.of(fast, broken));
    Verdict withoutAny =
        Verdict.merge(List.of(shard(1, 2, "gate", all, result("a", Status.PASS)), unbenchmarked));

    assertThat(withError.decision()).isEqualTo(Decision.LEGACY);
    assertThat(withError.performance().orElseThrow().error()).contains("case b: timed out");
    assertThat(withoutAny.decision()).isEqualTo(Decision.LEGACY);
    assertThat(withoutAny.performance().orElseThrow().sentence())
        .isEqualTo("performance could not be measured: no shard benchmarked a case");
  }

  @Test
  void ruleCountsAddUpAndARuleIsStaleOnlyWhereItFiredInNoShard() {
    List<String> all = List.of("a", "b");
    var once = new RuleUsage("r", "suite.yaml:3:5", Optional.empty(), Optional.empty(), 2, false);
    var never = new RuleUsage("r", "suite.yaml:3:5", Optional.empty(), Optional.empty(), 0, true);
    var other = new RuleUsage("q", "suite.yaml:4:5", Optional.empty(), Optional.empty(), 0, true);
    Verdict first =
        shard(1, 2, "verify", all, result("a", Status.PASS))
            .withNormalization(List.of(once, other), List.of());
    Verdict second =
        shard(2, 2, "verify", all, result("b", Status.PASS))
            .withNormalization(List.of(never, other), List.of());

    Verdict merged = Verdict.merge(List.of(first, second));

    assertThat(merged.rules())
        .extracting(RuleUsage::rule, RuleUsage::fired, RuleUsage::stale)
        .containsExactly(tuple("r", 2L, false), tuple("q", 0L, true));
  }
}
