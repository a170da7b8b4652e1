package dev.parity.cli;

import dev.parity.archive.RunArchive;
import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Reproducers;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Durations;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code parity report}'s minimal reproducers: {@code --shrink}, {@code --shrink-budget} and the
 * suite to run them with. Off unless asked for: shrinking runs both sides again, many times.
 */
final class ShrinkOptions {
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

  @Option(
      names = "--shrink",
      description =
          "Find a minimal reproducer per mismatch cluster: run the cluster's smallest case again on"
              + " both sides, live, leaving out stdin lines, query parameters and JSON body members"
              + " while every change of the cluster still shows. Off by default.")
  boolean shrink;

  @Option(
      names = "--shrink-budget",
      paramLabel = "DURATION",
      description =
          "Wall time for all the shrinking, e.g. 30s or 2m (default: 60s); past it each cluster"
              + " keeps the smallest input that showed its changes so far, and says so.")
  @Nullable String budget;

  @Option(
      names = "--suite",
      paramLabel = "DIR",
      description =
          "The suite folder --shrink runs (default: fixtures/<suite> in the project folder of"
              + " <out-dir>'s reports/ folder).")
  @Nullable Path suite;

  /** {@code verdict} with reproducers when {@code --shrink} was given; as it is otherwise. */
  Verdict apply(Verdict verdict, Path outDir, CommandLine commandLine, PrintWriter out)
      throws Exception {
    if (!shrink) {
      if (budget != null || suite != null) {
        throw new CommandLine.ParameterException(
            commandLine,
            (budget != null ? "--shrink-budget" : "--suite")
                + " is for --shrink; add --shrink to find minimal reproducers");
      }
      return verdict;
    }
    Duration limit = budget == null ? DEFAULT_BUDGET : parse(budget, commandLine);
    if (verdict.mode() == Mode.RECORD) {
      out.println(
          "Note: --shrink does nothing for a record run (its differences are legacy's own).");
      return verdict;
    }
    Suite loaded = new SuiteLoader().load(suiteFolder(verdict, outDir));
    Verdict shrunk;
    // Servers and containers start on first use; closing the runner stops them.
    try (Runner runner = Runners.standard()) {
      shrunk =
          new Reproducers(
                  runner,
                  new ObservationComparator(),
                  (side, testCase) -> RunArchive.script(loaded, side, testCase))
              .shrink(loaded, verdict, limit);
    }
    for (CaseResult result : shrunk.fixtures()) {
      result
          .reproducer()
          .ifPresent(
              r ->
                  out.println(
                      "Reproducer for "
                          + String.join(", ", r.clusters())
                          + " (case "
                          + result.id()
                          + "): "
                          + r.message()));
    }
    return shrunk;
  }

  private static Duration parse(String text, CommandLine commandLine) {
    return Durations.parse(text)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    commandLine,
                    "--shrink-budget ["
                        + text
                        + "] is not a positive duration; write e.g. 500ms, 30s or 2m"));
  }

  /** {@code --suite}, else {@code fixtures/<suite>} beside the {@code reports/} folder. */
  private Path suiteFolder(Verdict verdict, Path outDir) {
    if (suite != null) {
      return suite;
    }
    Path reports = outDir.toAbsolutePath().normalize().getParent();
    if (reports != null
        && reports.getFileName() != null
        && reports.getFileName().toString().equals("reports")
        && reports.getParent() != null) {
      Path folder = reports.getParent().resolve("fixtures").resolve(verdict.suite());
      if (Files.isDirectory(folder)) {
        return folder;
      }
    }
    throw new ConfigException(
        outDir,
        "--shrink needs the suite ["
            + verdict.suite()
            + "] and found none at fixtures/"
            + verdict.suite()
            + " beside this output folder's reports/ folder; give it with --suite DIR");
  }
}
