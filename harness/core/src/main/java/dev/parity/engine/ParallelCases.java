package dev.parity.engine;

import dev.parity.fixture.Case;
import dev.parity.golden.GoldenException;
import dev.parity.normalize.NormalizationException;
import dev.parity.run.Spool;
import dev.parity.run.SpoolException;
import dev.parity.verdict.CaseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Runs one job per case on a pool of {@code jobs} threads; the results come back in case order,
 * whatever order the cases finish in.
 */
final class ParallelCases {
  /** What is done for one case. */
  interface Job {
    CaseResult run(Case testCase) throws IOException;
  }

  private ParallelCases() {}

  /**
   * The results of {@code job} on every case; a case whose golden, files or normalization fail is
   * an error result, not a crash of the run.
   */
  static List<CaseResult> run(List<Case> cases, int jobs, Progress progress, Job job) {
    progress.started(cases.size());
    if (cases.size() == 1) {
      // One case (a shadow proxy judges each request so): run it here rather than start a pool's
      // thread for it, with the same outcomes as on the pool.
      FutureTask<CaseResult> only = new FutureTask<>(task(cases.get(0), progress, job));
      only.run();
      return List.of(await(only));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, cases.size())));
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (Case testCase : cases) {
        futures.add(pool.submit(task(testCase, progress, job)));
      }
      List<CaseResult> results = new ArrayList<>();
      for (Future<CaseResult> future : futures) {
        results.add(await(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<CaseResult> task(Case testCase, Progress progress, Job job) {
    return () -> {
      CaseResult result;
      try {
        result = job.run(testCase);
      } catch (GoldenException e) {
        if (e.stopsTheRun()) {
          throw e;
        }
        result =
            CaseResult.errored(
                testCase, Objects.requireNonNullElse(e.getMessage(), e.toString()), Map.of());
      } catch (IOException | UncheckedIOException | NormalizationException e) {
        result =
            CaseResult.errored(
                testCase, Objects.requireNonNullElse(e.getMessage(), e.toString()), Map.of());
      } finally {
        // Goldens and stored observations are written: the case's spool goes.
        Spool.release(testCase.id());
      }
      progress.finished(result);
      return result;
    };
  }

  private static CaseResult await(Future<CaseResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a case", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GoldenException stop) {
        // A full disk: the run stops with the golden's own message (exit 2).
        throw stop;
      }
      if (e.getCause() instanceof SpoolException stop) {
        // The same for an output the spool could not hold: the machine failed, not the case.
        throw stop;
      }
      throw new IllegalStateException("a case crashed the harness: " + e.getCause(), e.getCause());
    }
  }
}
