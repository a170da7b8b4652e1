package dev.parity.cli;

import dev.parity.session.RunStopped;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * A run stopped by a signal (SIGTERM, Ctrl-C) before it wrote its reports: a JVM shutdown hook
 * replaces whatever an earlier run left in the output folder by the reports of a failed run
 * (decision legacy, status error, {@link RunStopped}), as a run that fails does, so that a pipeline
 * publishing them after the stop never shows an old pass, nor this run's observations under an
 * earlier run's verdict. Reports being written when the signal comes are finished first: they are
 * never half-written, nor mixed with the stopped run's.
 *
 * <p>A run that ends after the JVM's exit began writes no reports of its own, even before this hook
 * ran: the exit's other hooks kill the run's programs and stop its servers, so what it observed
 * since is the stop, not the programs (a candidate killed by the stop is no failed case).
 */
final class StoppedRun implements AutoCloseable {
  /** A hook never added: removing it asks the runtime whether its exit began. */
  private static final Thread NEVER_ADDED = new Thread(() -> {}, "parity-exit-probe");

  private final Path outFolder;
  private final Path suiteFolder;
  private final Mode mode;
  private final Instant startedAt;
  private final Thread hook;
  private final BooleanSupplier exiting;
  private boolean stopped;
  private boolean reported;

  private StoppedRun(
      Path outFolder, Path suiteFolder, Mode mode, Instant startedAt, BooleanSupplier exiting) {
    this.outFolder = outFolder;
    this.suiteFolder = suiteFolder;
    this.mode = mode;
    this.startedAt = startedAt;
    this.exiting = exiting;
    this.hook = new Thread(this::stop, "parity-stopped-run");
  }

  /** Watches for a stop of the run that writes its reports to {@code outFolder}, until closed. */
  static StoppedRun watch(Path outFolder, Path suiteFolder, Mode mode, Instant startedAt) {
    return watch(outFolder, suiteFolder, mode, startedAt, StoppedRun::jvmExiting);
  }

  /** The same, told by {@code exiting} whether the JVM's exit has begun (a test's). */
  static StoppedRun watch(
      Path outFolder, Path suiteFolder, Mode mode, Instant startedAt, BooleanSupplier exiting) {
    StoppedRun run = new StoppedRun(outFolder, suiteFolder, mode, startedAt, exiting);
    Runtime.getRuntime().addShutdownHook(run.hook);
    return run;
  }

  /**
   * Whether the JVM's exit has begun: from then on the runtime refuses any change to its shutdown
   * hooks ({@link Runtime#removeShutdownHook}), which it does before it starts the first one.
   */
  static boolean jvmExiting() {
    try {
      Runtime.getRuntime().removeShutdownHook(NEVER_ADDED);
      return false;
    } catch (IllegalStateException exiting) {
      return true;
    }
  }

  /**
   * Writes the run's reports with {@code write}, unless the run was stopped: then the stopped run's
   * reports are there, and {@link RunStopped} is thrown.
   */
  synchronized <T> T report(Callable<T> write) throws Exception {
    if (stopped || exiting.getAsBoolean()) {
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
    if (stopped || exiting.getAsBoolean()) {
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
