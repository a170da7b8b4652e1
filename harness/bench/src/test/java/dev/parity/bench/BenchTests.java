package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.PerformanceStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
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
    Path folder = dir.resolve("s");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("suite.yaml"),
        "name: s\n"
            + "legacy:\n  command: [sh, -c, '"
            + legacy
            + "']\n"
            + "candidate:\n  command: [sh, -c, '"
            + candidate
            + "']\n"
            + "defaults:\n  timeout: 2s\n"
            + performance
            + "cases:\n"
            + cases);
    return new SuiteLoader().load(folder);
  }

  private static BenchOptions budget(Duration budget) {
    return BenchOptions.defaults().withTimeBudget(budget);
  }

  @Test
  void measuresKnownRatioOfTwoSleeps() throws IOException {
    Suite suite =
        suite("sleep 0.05", "sleep 0.1", "performance: {maxRatio: 1.10}\n", "  - id: one\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(6)));

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
  void commandRatiosAreTakenAfterSubtractingTheHarnessCostOfAnEmptyRun() throws IOException {
    Suite suite = suite("sleep 0.05", "sleep 0.1", "", "  - id: one\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(4)));

    CasePerformance only = report.performance().cases().get(0);
    assertThat(only.overheadMs()).isPresent();
    assertThat(only.overheadMs().getAsDouble())
        .isPositive()
        .isLessThan(only.legacy().orElseThrow().medianMs() / 2);
  }

  /**
   * Runs cheaper than the harness's own cost per run: the overhead is too large to subtract, and
   * kept in both sides it pulls the ratio towards 1. Here the candidate is about 4x slower
   * (hyperfine: 1.0 ms against 4.4 ms), yet its raw ratio (about 1.5x) is inside maxRatio 3: it
   * must not pass.
   */
  @Test
  void aRatioPulledTowardsOneByAnUnsubtractedOverheadIsNeverAPass() throws IOException {
    Suite suite = suite("true", "sleep 0.002", "performance: {maxRatio: 3.0}\n", "  - id: one\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(3)));

    CasePerformance only = report.performance().cases().get(0);
    assertThat(only.overheadMs()).as("not subtracted").isEmpty();
    assertThat(only.ciHigh().getAsDouble())
        .as("the raw interval is inside maxRatio")
        .isLessThan(3.0)
        .isGreaterThan(1.0);
    assertThat(only.status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(only.caveat().orElseThrow())
        .startsWith("Parity's own cost per run (")
        .endsWith(
            "and pulls the ratio towards 1: only a ratio below 1.00 can pass (benchmark cases that do more work per run)");
    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.INCONCLUSIVE);
    assertThat(report.performance().sentence())
        .contains(
            "inconclusive against 3.00: Parity's own cost per run is over half of the faster side's in case one and pulls");
  }

  /**
   * Two HTTP services answering after 20 and 40 ms. The HTTP client's own cost (3-8 ms per request
   * on this machine) would read that as 1.7-1.9x; measured against Parity's stub server and
   * subtracted, the ratio is the servers' 2x.
   */
  @Test
  void httpRatiosAreTakenAfterSubtractingTheHttpClientsOwnCost() throws IOException {
    HttpServer legacy = delayed(20);
    HttpServer candidate = delayed(40);
    try (Runner runner = Runners.standard()) {
      Path folder = dir.resolve("http");
      Files.createDirectories(folder);
      Files.writeString(
          folder.resolve("suite.yaml"),
          "name: http\n"
              + "legacy:\n  url: http://127.0.0.1:"
              + legacy.getAddress().getPort()
              + "\n"
              + "candidate:\n  url: http://127.0.0.1:"
              + candidate.getAddress().getPort()
              + "\n"
              + "cases:\n  - id: one\n    request: {path: /x}\n");
      Suite suite = new SuiteLoader().load(folder);

      BenchReport report =
          new Bench(runner, BenchProgress.NONE).run(suite, budget(Duration.ofSeconds(6)));

      CasePerformance only = report.performance().cases().get(0);
      assertThat(only.error()).isEmpty();
      assertThat(only.overheadMs()).as("the client's cost was measured and subtracted").isPresent();
      assertThat(only.overheadMs().getAsDouble())
          .isPositive()
          .isLessThanOrEqualTo(only.legacy().orElseThrow().medianMs() / 2);
      assertThat(only.ratio().getAsDouble()).isCloseTo(2.0, within(0.25));
    } finally {
      legacy.stop(0);
      candidate.stop(0);
    }
  }

  /**
   * A service answering every request with 204 after {@code millis} (no body: one write, no Nagle
   * delay).
   */
  private static HttpServer delayed(int millis) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
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
  void sameProgramOnBothSidesPasses() throws IOException {
    Suite suite =
        suite(
            "sleep 0.03",
            "sleep 0.03",
            "performance: {maxRatio: 2.5, alertRatio: 2.4}\n",
            "  - id: one\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(5)));

    assertThat(report.performance().status()).isEqualTo(PerformanceStatus.PASS);
    assertThat(report.performance().ciHigh().getAsDouble()).isLessThanOrEqualTo(2.5);
    assertThat(report.performance().alert()).isFalse();
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

  @Test
  void groupsCarryTheirOwnCasesPerformance() throws IOException {
    Suite suite =
        suite(
            "sleep 0.02",
            "case \"$1\" in slow) sleep 0.2;; *) sleep 0.02;; esac",
            "performance: {maxRatio: 1.5}\n",
            "  - id: fast\n    args: [x, fast]\n    tags: [f]\n  - id: slow\n    args: [x, slow]\n    tags: [s]\n");

    BenchReport report =
        new Bench(new CommandRunner(), BenchProgress.NONE)
            .run(suite, budget(Duration.ofSeconds(8)));

    assertThat(report.groups()).containsOnlyKeys("f", "s");
    assertThat(report.groups().get("s").status()).isEqualTo(PerformanceStatus.FAIL);
    assertThat(report.groups().get("f").ratio().getAsDouble()).isCloseTo(1.0, within(0.5));
  }
}
