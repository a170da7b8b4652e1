package dev.parity.bench.hotpath;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(benchmarks.textDiff().unified())
        .contains("-@I0@ MARTIN")
        .contains("+@I0@ MARTIN".toUpperCase());
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
