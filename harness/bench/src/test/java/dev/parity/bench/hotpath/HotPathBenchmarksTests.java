package dev.parity.bench.hotpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.StreamDiff;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The hot-path benchmarks compute what they claim to (their speed is measured by HotPaths, not
 * here).
 */
class HotPathBenchmarksTests {
  @Test
  void diffBenchmarksDiffTheChangedLines() {
    DiffBenchmarks benchmarks = new DiffBenchmarks();
    benchmarks.lines = 1_000;
    benchmarks.changeEvery = 100;
    benchmarks.prepare();

    StreamDiff diff = benchmarks.textDiff();
    assertThat(diff.removed()).as("every 100th of 1000 lines").isEqualTo(10);
    assertThat(diff.added()).isEqualTo(10);
    assertThat(diff.unified())
        .contains("-@I0@ MARTIN, Person number 0 (1800-1850)\n")
        .contains("+@I0@ MARTIN, PERSON NUMBER 0 (1800-1850)\n")
        .contains("+@I900@ MARTIN, PERSON NUMBER 900 (")
        .doesNotContain("-@I1@ ");
    assertThat(benchmarks.compareObservations().isIdentical()).isFalse();
  }

  @Test
  void normalizeBenchmarksReplaceWhatTheirRulesCover() {
    NormalizeBenchmarks benchmarks = new NormalizeBenchmarks();
    benchmarks.builtin = "uuids";
    benchmarks.prepare();

    assertThat(benchmarks.builtinRule())
        .contains("<uuid-1>")
        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    assertThat(benchmarks.numberedRegexRule())
        .contains("session=<session-1>")
        .contains("session=<session-2>");
  }

  @Test
  void reportBenchmarksWriteReportsAndGoldens() throws IOException {
    ReportBenchmarks benchmarks = new ReportBenchmarks();
    benchmarks.cases = 50;
    benchmarks.prepare();
    try {
      assertThat(benchmarks.verdictJson()).contains("\"group0/case-0\"");
      assertThat(benchmarks.writeReports()).hasSize(2);
      assertThat(benchmarks.writeAndReadGolden().value("exitCode")).contains("0");
    } finally {
      benchmarks.cleanUp();
    }
  }
}
