package dev.parity.cli;

import dev.parity.bench.BenchReport;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.Performance;
import dev.parity.verdict.SideTiming;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The console table after a benchmark: per case and over the suite, ratio, interval, times, memory.
 */
final class BenchSummary {
  private final PrintWriter out;

  BenchSummary(PrintWriter out) {
    this.out = out;
  }

  void print(BenchReport report) {
    Performance performance = report.performance();
    out.printf(
        Locale.ROOT,
        "parity bench %s: %d cases in %.1fs (budget %.0fs)%n",
        report.suite(),
        performance.cases().size(),
        report.durationMs() / 1000.0,
        report.budgetMs() / 1000.0);
    int width =
        Math.max(5, performance.cases().stream().mapToInt(c -> c.id().length()).max().orElse(0));
    out.printf(
        Locale.ROOT,
        "  %-" + width + "s  %6s  %-11s  %6s  %-26s  %-26s  %s%n",
        "case",
        "ratio",
        "95% CI",
        "rounds",
        "legacy median (IQR)",
        "candidate median (IQR)",
        "status");
    for (CasePerformance c : performance.cases()) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %6s  %-11s  %6d  %-26s  %-26s  %s%n",
          c.id(),
          number(c.ratio()),
          interval(c.ciLow(), c.ciHigh()),
          c.rounds(),
          timing(c.legacy()),
          timing(c.candidate()),
          c.status().label() + c.error().map(e -> ": " + e).orElse(""));
    }
    out.printf(
        Locale.ROOT,
        "  %-" + width + "s  %6s  %-11s  %6s  %-26s  %-26s  %s%n",
        "suite",
        number(performance.ratio()),
        interval(performance.ciLow(), performance.ciHigh()),
        "",
        "",
        "",
        performance.status().label());
    for (CasePerformance c : performance.cases()) {
      if (c.legacy()
          .flatMap(t -> boxed(t.peakMemoryKb().isPresent() ? t.peakMemoryKb().getAsLong() : -1))
          .isPresent()) {
        out.printf(
            Locale.ROOT,
            "  peak memory %s: legacy %d KiB, candidate %s KiB%n",
            c.id(),
            c.legacy().get().peakMemoryKb().getAsLong(),
            c.candidate()
                .map(
                    t ->
                        t.peakMemoryKb().isPresent()
                            ? Long.toString(t.peakMemoryKb().getAsLong())
                            : "?")
                .orElse("?"));
      }
    }
    out.println("Performance: " + performance.status().label() + " - " + performance.sentence());
    performance.alertSentence().ifPresent(a -> out.println("  " + a));
    out.println("Method: " + performance.method());
    out.flush();
  }

  private static Optional<Long> boxed(long value) {
    return value < 0 ? Optional.empty() : Optional.of(value);
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
  }

  private static String interval(OptionalDouble low, OptionalDouble high) {
    return low.isPresent() && high.isPresent()
        ? String.format(Locale.ROOT, "%.2f-%.2f", low.getAsDouble(), high.getAsDouble())
        : "-";
  }

  private static String timing(Optional<SideTiming> timing) {
    return timing
        .map(
            t ->
                String.format(
                    Locale.ROOT, "%.1f ms (%.1f-%.1f)", t.medianMs(), t.p25Ms(), t.p75Ms()))
        .orElse("-");
  }
}
