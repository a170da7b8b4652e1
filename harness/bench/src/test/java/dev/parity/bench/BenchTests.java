package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.PerformanceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTests {
  @TempDir Path dir;

  private Suite suite(String legacy, String candidate, String performance, String cases) throws IOException {
    Path folder = dir.resolve("s");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: s\n"
            + "legacy:\n  command: [sh, -c, '" + legacy + "']\n"
            + "candidate:\n  command: [sh, -c, '" + candidate + "']\n"
            + "defaults:\n  timeout: 2s\n"
            + performance
            + "cases:\n" + cases);
    return new SuiteLoader().load(folder);
  }

  private static BenchOptions budget(Duration budget) {
    return BenchOptions.defaults().withTimeBudget(budget);
  }

  @Test
  void measuresKnownRatioOfTwoSleeps() throws IOException {
    Suite suite = suite("sleep 0.05", "sleep 0.1", "performance: {maxRatio: 1.10}\n", "  - id: one\n");

    BenchReport report = new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(6)));

    CasePerformance only = report.performance().cases().get(0);
    assertThat(only.ratio().getAsDouble()).isCloseTo(2.0, within(0.4));
    assertThat(only.rounds()).isGreaterThanOrEqualTo(3);
    assertThat(only.legacy().orElseThrow().medianMs()).isGreaterThan(45);
    assertThat(only.candidate().orElseThrow().medianMs()).isGreaterThan(95);
    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.FAIL);
    assertThat(report.performance().ciLow().getAsDouble()).isGreaterThan(1.10);
    assertThat(report.performance().alert()).isTrue();
  }

  @Test
  void sameProgramOnBothSidesPasses() throws IOException {
    Suite suite = suite("sleep 0.03", "sleep 0.03", "performance: {maxRatio: 2.5, alertRatio: 2.4}\n", "  - id: one\n");

    BenchReport report = new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.PASS);
    assertThat(report.performance().ciHigh().getAsDouble()).isLessThanOrEqualTo(2.5);
    assertThat(report.performance().alert()).isFalse();
  }

  @Test
  void aTimeoutOnOneSideIsAnErrorWithoutRatio() throws IOException {
    Suite suite = suite("true", "sleep 5", "", "  - id: slow\n    timeout: 300ms\n");

    BenchReport report = new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(report.performance().ratio()).isEmpty();
    assertThat(report.performance().error()).hasValueSatisfying(e -> assertThat(e).startsWith("case slow: candidate ").contains("300ms"));
    assertThat(report.performance().cases().get(0).status()).isEqualTo(PerformanceStatus.ERROR);
  }

  @Test
  void aBudgetTooShortForAnIntervalIsInconclusiveNeverPass() throws IOException {
    Suite suite = suite("true", "true", "performance: {maxRatio: 100}\n", "  - id: one\n");

    BenchReport report = new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofMillis(1)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(report.performance().ciHigh()).isEmpty();
    assertThat(report.performance().cases().get(0).rounds()).isLessThan(BenchOptions.MIN_ROUNDS_FOR_INTERVAL);
  }

  @Test
  void selectsCasesTaggedBenchUnlessFiltered() throws IOException {
    Suite suite = suite("true", "true", "", "  - id: a\n    tags: [bench]\n  - id: b\n  - id: c\n    tags: [bench, x]\n");

    assertThat(Bench.select(suite, Optional.empty())).extracting(c -> c.id()).containsExactly("a", "c");
    assertThat(Bench.select(suite, Optional.of("b"))).extracting(c -> c.id()).containsExactly("b");
  }

  @Test
  void selectsAllCasesWhenNoneIsTaggedBench() throws IOException {
    Suite suite = suite("true", "true", "", "  - id: a\n  - id: b\n");

    assertThat(Bench.select(suite, Optional.empty())).extracting(c -> c.id()).containsExactly("a", "b");
  }

  @Test
  void groupsCarryTheirOwnCasesPerformance() throws IOException {
    Suite suite =
        suite(
            "sleep 0.02",
            "case \"$1\" in slow) sleep 0.2;; *) sleep 0.02;; esac",
            "performance: {maxRatio: 1.5}\n",
            "  - id: fast\n    args: [x, fast]\n    tags: [f]\n  - id: slow\n    args: [x, slow]\n    tags: [s]\n");

    BenchReport report = new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(8)));

    assertThat(report.groups()).containsOnlyKeys("f", "s");
    assertThat(report.groups().get("s").status()).isEqualTo(PerformanceStatus.FAIL);
    assertThat(report.groups().get("f").ratio().getAsDouble()).isCloseTo(1.0, within(0.5));
  }
}
