package dev.parity.cli;

import dev.parity.diff.Fact;
import dev.parity.normalize.RuleUsage;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Cluster;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The console summary after a run: counts, decision, each non-passing case with its facts and first
 * diff lines.
 */
final class Summary {
  static final int DIFF_LINES = 12;

  /** The diff printed per case, at most (the reports hold more, observations/ the outputs). */
  static final int DIFF_BYTES = 4 * 1024;

  static final int MAX_CASES = 20;
  static final int MAX_CLUSTERS = 10;
  static final int CLUSTER_WIDTH = 100;

  private final PrintWriter out;

  Summary(PrintWriter out) {
    this.out = out;
  }

  void print(Verdict verdict, List<Path> written) {
    var counts = verdict.counts();
    out.printf(
        Locale.ROOT,
        "parity %s %s: %d cases, %d passed, %d failed, %d errors%s in %.1fs%n",
        verdict.mode().label(),
        verdict.suite(),
        counts.total(),
        counts.passed(),
        counts.failed(),
        counts.errors(),
        counts.accepted() > 0 ? ", " + counts.accepted() + " accepted" : "",
        verdict.durationMs() / 1000.0);
    for (CaseResult result : verdict.fixtures()) {
      result
          .accepted()
          .ifPresent(
              a -> {
                StyledConsole.print(out, StyledConsole.Style.NOTED, "ACCEPTED");
                out.println(
                    " "
                        + ConsoleText.line(result.id())
                        + "  ("
                        + ConsoleText.line(a.sentence())
                        + ")");
              });
    }
    List<CaseResult> bad = verdict.fixtures().stream().filter(r -> !r.status().passes()).toList();
    for (CaseResult full : bad.subList(0, Math.min(MAX_CASES, bad.size()))) {
      CaseResult result = Excerpts.capped(full);
      out.println();
      StyledConsole.print(
          out, StyledConsole.Style.FAILED, result.status().label().toUpperCase(Locale.ROOT));
      out.println(
          " " + ConsoleText.line(result.id()) + "  (" + ConsoleText.line(result.summary()) + ")");
      printFacts(result.facts());
      String text = Excerpts.cap(result.diff(), DIFF_BYTES, result.id());
      String[] diff = text.split("\n", -1);
      if (!text.isEmpty()) {
        for (int i = 0; i < Math.min(DIFF_LINES, diff.length); i++) {
          if (!diff[i].isEmpty() || i < diff.length - 1) {
            out.print("    ");
            StyledConsole.print(out, diffStyle(diff[i]), ConsoleText.line(diff[i]));
            out.println();
          }
        }
        if (diff.length - 1 > DIFF_LINES) {
          out.println(
              "    ... (" + (diff.length - 1 - DIFF_LINES) + " more diff lines in the report)");
        }
      }
    }
    if (bad.size() > MAX_CASES) {
      out.println();
      out.println(
          "... and " + (bad.size() - MAX_CASES) + " more cases that did not pass (see the report)");
    }
    printNoise(verdict);
    printRules(verdict);
    printClusters(verdict);
    out.println();
    if (verdict.mode() == Mode.RECORD) {
      long pendingOnly =
          verdict.fixtures().stream()
              .filter(r -> r.summary().equals(CaseResult.STORED_AS_PENDING))
              .count();
      out.println(
          "Goldens: "
              + (counts.failed() + counts.errors() > 0
                  ? "not all stored (see above)"
                  : pendingOnly > 0
                      ? "not all stored: "
                          + pendingOnly
                          + (pendingOnly == 1 ? " new case" : " new cases")
                          + " stored as pending only (CI never writes goldens); accept them"
                          + " outside CI with `parity accept --legacy` or `parity review`"
                      : "all stored and current"));
    } else {
      out.print("Decision: ");
      StyledConsole.print(
          out,
          verdict.decision() == Decision.CANDIDATE
              ? StyledConsole.Style.PASSED
              : StyledConsole.Style.FAILED,
          verdict.decision().label());
      out.println();
    }
    verdict.reasons().forEach(reason -> out.println("  - " + ConsoleText.line(reason)));
    for (Path file : written) {
      out.println("Report: " + file);
    }
    out.flush();
  }

  /** Removed lines of a unified diff in one color, added lines in another. */
  private static StyledConsole.Style diffStyle(String line) {
    if (line.startsWith("-") && !line.startsWith("---")) {
      return StyledConsole.Style.REMOVED;
    }
    return line.startsWith("+") && !line.startsWith("+++")
        ? StyledConsole.Style.ADDED
        : StyledConsole.Style.PLAIN;
  }

  private void printNoise(Verdict verdict) {
    List<CaseResult> noisy = verdict.fixtures().stream().filter(CaseResult::noisy).toList();
    for (CaseResult result : noisy.subList(0, Math.min(MAX_CASES, noisy.size()))) {
      out.println();
      StyledConsole.print(out, StyledConsole.Style.NOTED, "NOISY");
      out.println(
          " "
              + ConsoleText.line(result.id())
              + "  ("
              + (verdict.mode() == Mode.COMPARE ? "legacy noise discounted" : "legacy runs differ")
              + ")");
      printFacts(result.noise());
    }
    if (!verdict.suggestedRules().isEmpty() && verdict.mode() == Mode.RECORD) {
      out.println();
      out.println(
          verdict.suggestedRules().size()
              + " rule"
              + (verdict.suggestedRules().size() == 1 ? "" : "s")
              + " suggested for the noise; run record with --suggest-rules to print them as YAML for suite.yaml");
    }
  }

  private void printRules(Verdict verdict) {
    if (verdict.rules().isEmpty()) {
      return;
    }
    long stale = verdict.rules().stream().filter(RuleUsage::stale).count();
    out.println();
    out.println("Rules: " + verdict.rules().size() + " declared, " + stale + " stale");
    for (RuleUsage usage : verdict.rules()) {
      out.println(
          "  "
              + (usage.stale() ? "STALE " : "")
              + ConsoleText.line(usage.rule())
              + " ("
              + usage.location()
              + ") fired "
              + usage.fired()
              + (usage.fired() == 1 ? " time" : " times")
              + usage.reason().map(r -> ": " + r).orElse(""));
    }
  }

  /** The mismatch clusters, largest first, when there is more than one case that did not pass. */
  private void printClusters(Verdict verdict) {
    List<Cluster> clusters = verdict.clusters();
    int notPassing = verdict.counts().failed() + verdict.counts().errors();
    if (notPassing < 2) {
      return;
    }
    out.println();
    out.println("Mismatch clusters (" + clusters.size() + " for " + notPassing + " cases):");
    for (Cluster cluster : clusters.subList(0, Math.min(MAX_CLUSTERS, clusters.size()))) {
      out.printf(
          Locale.ROOT,
          "  %-4s %5d %-5s %s%n",
          cluster.id(),
          cluster.count(),
          cluster.status().label(),
          shorten(ConsoleText.line(cluster.headline())));
      out.println("              e.g. " + ConsoleText.line(String.join(", ", cluster.examples())));
    }
    if (clusters.size() > MAX_CLUSTERS) {
      out.println(
          "  ... and " + (clusters.size() - MAX_CLUSTERS) + " more clusters (see the report)");
    }
  }

  /**
   * The facts with their keys padded to the longest, one fact a line: program output inside one can
   * neither break nor fake a line.
   */
  private void printFacts(List<Fact> facts) {
    int width = facts.stream().mapToInt(f -> f.key().length()).max().orElse(0);
    for (Fact fact : facts) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s : %s%n",
          ConsoleText.line(fact.key()),
          ConsoleText.line(fact.message()));
    }
  }

  private static String shorten(String text) {
    return text.length() <= CLUSTER_WIDTH ? text : text.substring(0, CLUSTER_WIDTH - 3) + "...";
  }
}
