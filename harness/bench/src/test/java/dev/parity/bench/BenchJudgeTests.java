package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.fixture.Case;
import dev.parity.fixture.PerformanceGate;
import dev.parity.fixture.SuiteLoader;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's judgement on fixed round times: no clock involved. */
class BenchJudgeTests {
  @TempDir Path dir;

  private Case one;
  private Case two;

  @BeforeEach
  void cases() throws IOException {
    Files.writeString(
        dir.resolve("suite.yaml"),
        "name: s\nlegacy:\n  command: [x]\ncandidate:\n  command: [y]\n"
            + "cases:\n  - id: one\n    tags: [a]\n  - id: two\n    tags: [a]\n");
    List<Case> loaded = new SuiteLoader().load(dir).cases();
    one = loaded.get(0);
    two = loaded.get(1);
  }

  /** Rounds whose times are {@code base} times a small alternating jitter. */
  private static double[] around(double base, int n) {
    double[] times = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = base * (1 + 0.01 * ((i % 3) - 1));
    }
    return times;
  }

  private static double[] constant(double value, int n) {
    double[] times = new double[n];
    Arrays.fill(times, value);
    return times;
  }

  private BenchJudge.Judged judge(Case c, Rounds rounds, PerformanceGate gate) {
    return BenchJudge.judge(c, rounds, gate, OptionalLong.empty(), OptionalLong.of(42));
  }

  @Test
  void aKnownTwofoldRatioFailsAGateOfOnePointFiveAndPassesOneOfThree() {
    Rounds rounds = Rounds.of(around(50, 20), around(100, 20), constant(0, 20));

    CasePerformance strict = judge(one, rounds, new PerformanceGate(1.5, 1.4)).result();
    CasePerformance loose = judge(one, rounds, new PerformanceGate(3.0, 2.9)).result();

    assertThat(strict.ratio().getAsDouble()).isCloseTo(2.0, within(0.05));
    assertThat(strict.ciLow().getAsDouble()).isGreaterThan(1.5);
    assertThat(strict.status()).isEqualTo(PerformanceStatus.FAIL);
    assertThat(loose.status()).isEqualTo(PerformanceStatus.PASS);
    assertThat(loose.rounds()).isEqualTo(20);
    assertThat(loose.candidate().orElseThrow().peakMemoryKb()).hasValue(42);
  }

  @Test
  void anOverheadOfAtMostHalfTheFasterSideIsSubtractedBeforeTheRatio() {
    // 10 ms of harness cost in both: raw 60/110 = 1.83, the programs' own 50/100 = 2.
    Rounds rounds = Rounds.of(around(60, 12), around(110, 12), constant(10, 12));

    CasePerformance result = judge(one, rounds, PerformanceGate.DEFAULT).result();

    assertThat(result.overheadMs()).hasValue(10.0);
    assertThat(result.ratio().getAsDouble()).isCloseTo(2.0, within(0.05));
  }

  @Test
  void anOverheadTooLargeToSubtractNeverLetsARatioAboveOnePass() {
    // Raw 10 vs 14 ms (1.4x, inside maxRatio 3) with 8 ms of harness cost kept in both.
    Rounds rounds = Rounds.of(around(10, 12), around(14, 12), constant(8, 12));

    BenchJudge.Judged judged = judge(one, rounds, new PerformanceGate(3.0, 2.9));

    assertThat(judged.result().overheadMs()).isEmpty();
    assertThat(judged.result().ciHigh().getAsDouble()).isLessThan(3.0).isGreaterThan(1.0);
    assertThat(judged.result().status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(judged.result().caveat().orElseThrow())
        .isEqualTo(
            "Parity's own cost per run (8.0 ms) is over half of the faster side's (10.0 ms) and"
                + " pulls the ratio towards 1: only a ratio below 1.00 can pass (benchmark cases"
                + " that do more work per run)");
    Performance suite = BenchJudge.combine(List.of(judged), new PerformanceGate(3.0, 2.9), true);
    assertThat(suite.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(suite.caveat().orElseThrow()).contains("in case one and pulls the ratio towards 1");
  }

  @Test
  void anOverheadKeptButARatioShownBelowOnePasses() {
    Rounds rounds = Rounds.of(around(14, 12), around(10, 12), constant(8, 12));

    CasePerformance result = judge(one, rounds, new PerformanceGate(1.1, 1.05)).result();

    assertThat(result.status()).isEqualTo(PerformanceStatus.PASS);
    assertThat(result.caveat()).isEmpty();
  }

  @Test
  void fewerRoundsThanAnIntervalNeedsAreInconclusiveWithoutInterval() {
    Rounds rounds = Rounds.of(new double[] {10, 10}, new double[] {10, 10}, new double[] {0, 0});

    CasePerformance result = judge(one, rounds, new PerformanceGate(100, 99)).result();

    assertThat(result.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(result.ciLow()).isEmpty();
    assertThat(result.ciHigh()).isEmpty();
  }

  @Test
  void aFailedCaseMakesItsSuiteAnErrorNamingTheCase() {
    BenchJudge.Judged good =
        judge(
            one, Rounds.of(around(10, 6), around(10, 6), constant(0, 6)), PerformanceGate.DEFAULT);
    BenchJudge.Judged bad = BenchJudge.failed(two, 2, "candidate timed out after 300ms");

    Performance suite = BenchJudge.combine(List.of(good, bad), PerformanceGate.DEFAULT, true);

    assertThat(suite.status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(suite.ratio()).isEmpty();
    assertThat(suite.error()).hasValue("case two: candidate timed out after 300ms");
    assertThat(suite.cases()).extracting(CasePerformance::id).containsExactly("one", "two");
  }

  @Test
  void theAlertIsRaisedAboveTheAlertRatioEvenWhenTheGatePasses() {
    Rounds rounds = Rounds.of(around(100, 12), around(120, 12), constant(0, 12));
    BenchJudge.Judged judged = judge(one, rounds, new PerformanceGate(1.5, 1.1));

    Performance suite = BenchJudge.combine(List.of(judged), new PerformanceGate(1.5, 1.1), false);

    assertThat(suite.status()).isEqualTo(PerformanceStatus.PASS);
    assertThat(suite.alert()).isTrue();
    assertThat(suite.cases()).isEmpty();
  }

  @Test
  void aGroupWithOneCaseShortOfRoundsIsInconclusive() {
    BenchJudge.Judged full =
        judge(
            one, Rounds.of(around(10, 8), around(10, 8), constant(0, 8)), PerformanceGate.DEFAULT);
    BenchJudge.Judged shortOne =
        judge(
            two, Rounds.of(around(10, 2), around(10, 2), constant(0, 2)), PerformanceGate.DEFAULT);

    Performance group = BenchJudge.combine(List.of(full, shortOne), PerformanceGate.DEFAULT, false);

    assertThat(group.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(group.ciHigh()).isEmpty();
  }
}
