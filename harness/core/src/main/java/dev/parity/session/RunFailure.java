package dev.parity.session;

import dev.parity.archive.RunArchive;
import dev.parity.files.OutputFolder;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Redaction;
import dev.parity.golden.GoldenException;
import dev.parity.redact.Redactor;
import dev.parity.report.Reports;
import dev.parity.run.SpoolException;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a run that cannot produce a verdict leaves in its output folder: the reports of an earlier
 * run are replaced by ones that say the run failed (decision legacy, status error, the reason), so
 * that a pipeline publishing them after a failure never shows an old pass.
 */
public final class RunFailure {
  private RunFailure() {}

  /**
   * The one-line description of a failure, as the console and the reports give it; secrets in it
   * (Parity's own secret environment, token values) are redacted like everything Parity writes.
   */
  public static String describe(Throwable e) {
    return Redactor.of(Redaction.defaults()).text(plain(e));
  }

  private static String plain(Throwable e) {
    if (e instanceof RunStopped) {
      return RunStopped.MESSAGE;
    }
    if (e instanceof ConfigException) {
      return "configuration error: " + e.getMessage();
    }
    if (e instanceof GoldenException golden) {
      return "cannot "
          + (golden.whileReading() ? "read" : "write")
          + " the goldens: "
          + e.getMessage();
    }
    if (e instanceof SpoolException) {
      return "cannot keep an output on disk: " + e.getMessage();
    }
    if (e instanceof OutputFolder.ForeignFolderException) {
      return "cannot write the reports: " + e.getMessage();
    }
    if (e instanceof IOException) {
      return "cannot read or write a file: "
          + e.getMessage()
          + " (check that the --out and --golden folders are writable folders)";
    }
    return "internal error (please report it with the trace below): " + e;
  }

  /**
   * Replaces every report in {@code outFolder} by the {@code reports} of a failed run, and deletes
   * the {@code stale} files an earlier run may have left beside them; when even that fails, removes
   * the reports. Never throws: the original failure is what the user must see. Returns the verdict
   * of the failed run.
   */
  public static Verdict replaceReports(
      Path outFolder,
      Path suiteFolder,
      Mode mode,
      Throwable failure,
      Instant startedAt,
      Reports reports,
      List<String> stale) {
    String suite = suiteFolder.toAbsolutePath().normalize().getFileName().toString();
    long millis = Math.max(0, System.currentTimeMillis() - startedAt.toEpochMilli());
    Verdict verdict = Verdict.error(suite, mode, describe(failure), startedAt, millis);
    if (!Files.isDirectory(outFolder) || !owned(outFolder)) {
      // No folder, or one of the user's files that Parity must not touch (OutputFolder).
      return verdict;
    }
    try {
      RunArchive.in(outFolder).clear();
      for (String name : stale) {
        Files.deleteIfExists(outFolder.resolve(name));
      }
      reports.writeAll(verdict, outFolder);
    } catch (IOException | RuntimeException e) {
      for (String name : List.of("verdict.json", "junit.xml", "index.html", "summary.md")) {
        try {
          Files.deleteIfExists(outFolder.resolve(name));
        } catch (IOException ignored) {
          // Best effort: the failure being reported matters more than a file we cannot delete.
        }
      }
    }
    return verdict;
  }

  private static boolean owned(Path outFolder) {
    try {
      return OutputFolder.owned(outFolder);
    } catch (IOException e) {
      return false;
    }
  }
}
