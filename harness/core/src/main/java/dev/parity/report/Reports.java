package dev.parity.report;

import dev.parity.run.DaemonThreads;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The reports every run writes, in order. */
public final class Reports {
  private final List<Reporter> reporters;

  private Reports(List<Reporter> reporters) {
    this.reporters = List.copyOf(reporters);
  }

  /** verdict.json and junit.xml. */
  public static Reports standard() {
    return new Reports(List.of(new VerdictReporter(), new JUnitXmlReporter()));
  }

  /**
   * Every report: verdict.json, junit.xml, index.html, summary.md, then {@code extra} (e.g. Allure
   * results, from a module of its own).
   */
  public static Reports full(Reporter... extra) {
    List<Reporter> all =
        new ArrayList<>(
            List.of(
                new VerdictReporter(),
                new JUnitXmlReporter(),
                new HtmlReporter(),
                new MarkdownReporter()));
    all.addAll(List.of(extra));
    return new Reports(all);
  }

  /**
   * Writes every report into {@code outputFolder} and returns the files written, in the order of
   * the reporters. When one fails, the others still finish, and the first failure in that order is
   * thrown.
   */
  public List<Path> writeAll(Verdict verdict, Path outputFolder) throws IOException {
    Files.createDirectories(outputFolder);
    // Every report writes the same bounded excerpt of each case (Excerpts caps it once, here).
    Verdict shown = Excerpts.capped(verdict);
    // The reports are independent files, and each spends most of its time running its code for the
    // first time in this JVM (interpreted, then compiled): written side by side they take the
    // second
    // core, which was idle after the cases (compare of two 45 MB outputs: 0.45 s of reports).
    ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("parity-report"));
    try {
      List<Future<Path>> writing = new ArrayList<>();
      for (Reporter reporter : reporters.subList(Math.min(1, reporters.size()), reporters.size())) {
        writing.add(pool.submit(() -> reporter.write(shown, outputFolder)));
      }
      List<Path> written = new ArrayList<>();
      Throwable failure = null;
      if (!reporters.isEmpty()) {
        try {
          written.add(reporters.get(0).write(shown, outputFolder));
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
      }
      for (Future<Path> report : writing) {
        try {
          written.add(report.get());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        }
      }
      if (failure != null) {
        throw rethrown(failure);
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the reports");
    } finally {
      pool.shutdownNow();
    }
  }

  private static IOException rethrown(Throwable failure) {
    if (failure instanceof IOException io) {
      return io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IOException(failure);
  }
}
