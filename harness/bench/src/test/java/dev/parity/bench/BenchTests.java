package dev.parity.bench;

import static dev.parity.bench.ShellSuites.budget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.CommandRunner;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.verdict.PerformanceStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTests {
  @TempDir Path dir;

  private Suite suite(String legacy, String candidate, String performance, String cases)
      throws IOException {
    return ShellSuites.suite(dir, legacy, candidate, performance, cases);
  }

  /**
   * A gate's parallel verify leaves several pooled connections; the benchmark must not measure on
   * whatever is left.
   */
  @Test
  void startsFromFreshConnections() throws IOException {
    List<String> calls = new CopyOnWriteArrayList<>();
    CommandRunner commands = new CommandRunner();
    Runner recording =
        new Runner() {
          @Override
          public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
            calls.add("run");
            return commands.run(suite, implementation, testCase);
          }

          @Override
          public void resetConnections() {
            calls.add("reset");
          }
        };
    Suite suite = suite("sleep 0.01", "sleep 0.01", "", "  - id: one\n");

    new Bench(recording, BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(1)));

    assertThat(calls).first().isEqualTo("reset");
    assertThat(calls).containsOnlyOnce("reset").contains("run");
  }

  @Test
  void aTimeoutOnOneSideIsAnErrorWithoutRatio() throws IOException {
    Suite suite = suite("true", "sleep 5", "", "  - id: slow\n    timeout: 300ms\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(report.performance().ratio()).isEmpty();
    assertThat(report.performance().error())
        .hasValueSatisfying(
            e -> assertThat(e).startsWith("case slow: candidate ").contains("300ms"));
    assertThat(report.performance().cases().get(0).status()).isEqualTo(PerformanceStatus.ERROR);
  }

  /**
   * A candidate that starts failing under repeated runs (out of a resource, rate limited, crashed)
   * fails fast: its timed runs must not count as a faster candidate. Before, it passed as 12x
   * faster.
   */
  @Test
  void aTimedRunThatEndsOtherwiseThanTheFirstIsAnErrorNeverAFasterCandidate() throws IOException {
    Path count = dir.resolve("count");
    Suite suite =
        suite(
            "sleep 0.05",
            "n=$(cat "
                + count
                + " 2>/dev/null || echo 0); echo $((n+1)) > "
                + count
                + "; [ $n -lt 2 ] || exit 1; sleep 0.05",
            "",
            "  - id: breaks\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(report.performance().ratio()).isEmpty();
    assertThat(report.performance().error())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("case breaks: candidate ")
                    .contains("exit code 1")
                    .contains("exit code 0"));
  }

  /** Timing a candidate that fails where legacy works compares different work; never a pass. */
  @Test
  void aCandidateThatEndsOtherwiseThanLegacyIsAnErrorNeverAFasterCandidate() throws IOException {
    Suite suite = suite("sleep 0.05", "exit 3", "", "  - id: fails\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.ERROR);
    assertThat(report.performance().error())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("case fails: candidate ")
                    .contains("exit code 3")
                    .contains("legacy")
                    .contains("exit code 0"));
  }

  /** Both sides failing the same way is a case of its own (an error path), timed as usual. */
  @Test
  void sidesThatEndAlikeWithAnErrorAreStillTimed() throws IOException {
    Suite suite =
        suite("exit 2", "exit 2", "performance: {maxRatio: 100}\n", "  - id: usage-error\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().error()).isEmpty();
    assertThat(report.performance().cases().get(0).rounds()).isPositive();
  }

  @Test
  void aBudgetTooShortForAnIntervalIsInconclusiveNeverPass() throws IOException {
    Suite suite = suite("true", "true", "performance: {maxRatio: 100}\n", "  - id: one\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE).run(suite, budget(Duration.ofMillis(1)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(report.performance().ciHigh()).isEmpty();
    assertThat(report.performance().cases().get(0).rounds())
        .isLessThan(BenchOptions.MIN_ROUNDS_FOR_INTERVAL);
  }

  @Test
  void selectsCasesTaggedBenchUnlessFiltered() throws IOException {
    Suite suite =
        suite(
            "true",
            "true",
            "",
            "  - id: a\n    tags: [bench]\n  - id: b\n  - id: c\n    tags: [bench, x]\n");

    assertThat(Bench.select(suite, Optional.empty()))
        .extracting(c -> c.id())
        .containsExactly("a", "c");
    assertThat(Bench.select(suite, Optional.of("b"))).extracting(c -> c.id()).containsExactly("b");
  }

  @Test
  void selectsAllCasesWhenNoneIsTaggedBench() throws IOException {
    Suite suite = suite("true", "true", "", "  - id: a\n  - id: b\n");

    assertThat(Bench.select(suite, Optional.empty()))
        .extracting(c -> c.id())
        .containsExactly("a", "b");
  }
}
