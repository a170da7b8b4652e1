package dev.parity.cli;

import dev.parity.session.RunStopped;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A run stopped by a signal (SIGTERM, Ctrl-C) before it wrote its reports: a JVM shutdown hook
 * replaces whatever an earlier run left in the output folder by the reports of a failed run
 * (decision legacy, status error, {@link RunStopped}), as a run that fails does, so that a pipeline
 * publishing them after the stop never shows an old pass, nor this run's observations under an
 * earlier run's verdict. Reports being written when the signal comes are finished first: they are
 * never half-written, nor mixed with the stopped run's.
 */
final class StoppedRun implements AutoCloseable {
  private final Path outFolder;
  private final Path suiteFolder;
  private final Mode mode;
  private final Instant startedAt;
  private final Thread hook;
  private boolean stopped;
  private boolean reported;

  private StoppedRun(Path outFolder, Path suiteFolder, Mode mode, Instant startedAt) {
    this.outFolder = outFolder;
    this.suiteFolder = suiteFolder;
    this.mode = mode;
    this.startedAt = startedAt;
    this.hook = new Thread(this::stop, "parity-stopped-run");
  }

  /** Watches for a stop of the run that writes its reports to {@code outFolder}, until closed. */
  static StoppedRun watch(Path outFolder, Path suiteFolder, Mode mode, Instant startedAt) {
    StoppedRun run = new StoppedRun(outFolder, suiteFolder, mode, startedAt);
    Runtime.getRuntime().addShutdownHook(run.hook);
    return run;
  }

  /**
   * Writes the run's reports with {@code write}, unless the run was stopped: then the stopped run's
   * reports are there, and {@link RunStopped} is thrown.
   */
  synchronized <T> T report(Callable<T> write) throws Exception {
    if (stopped) {
      throw new RunStopped();
    }
    T written = write.call();
    reported = true;
    return written;
  }

  /**
   * Replaces the reports by those of a run that failed with {@code failure} and returns its
   * verdict; empty when the run was stopped (the stopped run's reports are there).
   */
  synchronized Optional<Verdict> failed(Throwable failure) {
    if (stopped) {
      return Optional.empty();
    }
    reported = true;
    return Optional.of(FailedRun.replaceReports(outFolder, suiteFolder, mode, failure, startedAt));
  }

  private synchronized void stop() {
    stopped = true;
    if (!reported) {
      FailedRun.replaceReports(outFolder, suiteFolder, mode, new RunStopped(), startedAt);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs or has run: it did what a stop needs.
    }
  }
}
