package dev.parity.cli;

import dev.parity.bench.BenchReport;
import dev.parity.session.RunFailure;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The reports of a command's run that cannot produce a verdict ({@link RunFailure}), with the CLI's
 * reports and the gate's bench.json among the files an earlier run may have left.
 */
final class FailedRun {
  private FailedRun() {}

  /** The one-line description of a failure, as the console and the reports give it. */
  static String describe(Throwable e) {
    return RunFailure.describe(e);
  }

  /**
   * Replaces every report in {@code outFolder} by the reports of a failed run; never throws.
   * Returns the verdict of the failed run.
   */
  static Verdict replaceReports(
      Path outFolder, Path suiteFolder, Mode mode, Throwable failure, Instant startedAt) {
    return RunFailure.replaceReports(
        outFolder,
        suiteFolder,
        mode,
        failure,
        startedAt,
        SuiteCommand.reports(),
        List.of(BenchReport.FILE));
  }
}
