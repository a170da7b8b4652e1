package dev.parity.bench.hotpath;

import dev.parity.diff.Fact;
import dev.parity.run.Observation;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Deterministic inputs of the hot-path benchmarks. */
final class Inputs {
  private Inputs() {}

  /** {@code count} lines of report-like text. */
  static List<String> lines(int count) {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(
          "@I"
              + i
              + "@ MARTIN, Person number "
              + i
              + " ("
              + (1800 + i % 200)
              + "-"
              + (1850 + i % 200)
              + ")");
    }
    return lines;
  }

  /** The same lines with every {@code every}-th one changed. */
  static List<String> changed(List<String> lines, int every) {
    List<String> copy = new ArrayList<>(lines);
    for (int i = 0; i < copy.size(); i += every) {
      copy.set(i, copy.get(i).toUpperCase(Locale.ROOT));
    }
    return copy;
  }

  static Observation observation(List<String> stdout) {
    return Observation.ofCommand(
        0,
        String.join("\n", stdout).getBytes(StandardCharsets.UTF_8),
        new byte[0],
        Map.of(),
        Duration.ofMillis(5));
  }

  /** A verify verdict of {@code cases} cases, every tenth failing with a fact. */
  static Verdict verdict(int cases) {
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      boolean fails = i % 10 == 0;
      results.add(
          CaseResult.builder(
                  "group" + (i % 7) + "/case-" + i,
                  fails ? Status.FAIL : Status.PASS,
                  fails ? "stdout differ" : "identical")
              .tags(List.of("group" + (i % 7)))
              .facts(fails ? List.of(new Fact("stdout", "1 line differs")) : List.of())
              .durationsMs(Map.of("candidate", 12L))
              .build());
    }
    return Verdict.of("bench", Mode.VERIFY, results, List.of(), Instant.EPOCH, 1000);
  }
}
