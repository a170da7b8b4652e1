package dev.parity.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteStreamHandler;
import org.apache.commons.exec.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Pumps a program's stdin, stdout and stderr like Commons Exec's {@code PumpStreamHandler}, with
 * two differences that matter when a run costs about as much as a spawn (issue 13):
 *
 * <ul>
 *   <li>The pumps run on a shared pool of daemon threads instead of two or three new threads per
 *       run, each allocating its own buffer (a 400-case verify started 800 threads and 52 MB of
 *       buffers for outputs of a few bytes).
 *   <li>They read 64 KiB at a time (a pipe's default capacity) instead of 1 KiB: an output of a
 *       gigabyte took a million reads and writes of 1 KiB, each a call into the spool.
 * </ul>
 *
 * <p>What stays as Commons Exec does it: no stdin closes the program's stdin at once; {@link
 * #stop()} waits for stdout, stderr, then stdin, each up to the stop timeout plus 2 seconds, then
 * flushes the outputs, and throws when a pump did not finish in time (a pump left behind keeps
 * reading until the pipe closes, as an abandoned pump thread did).
 */
final class SpoolingPumps implements ExecuteStreamHandler {
  static final int READ_SIZE = 64 * 1024;

  /** What Commons Exec adds to a stop timeout before giving up on a pump. */
  private static final Duration STOP_TIMEOUT_ADDITION = Duration.ofSeconds(2);

  /** Threads live 60 s idle: a run of many cases reuses them, a finished one keeps none. */
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(DaemonThreads.named("parity-pump"));

  /** A pump owns its pool thread until its stream ends, so the thread's buffer is its own. */
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[READ_SIZE]);

  private final OutputStream out;
  private final OutputStream err;
  private final @Nullable InputStream input;
  private final List<Runnable> pumps = new ArrayList<>(3);
  private final List<Future<?>> running = new ArrayList<>(3);
  private Duration stopTimeout = Duration.ZERO;

  SpoolingPumps(OutputStream out, OutputStream err, @Nullable InputStream input) {
    this.out = out;
    this.err = err;
    this.input = input;
  }

  /** How long {@link #stop()} waits for each pump (plus 2 s); zero waits for ever. */
  void setStopTimeout(Duration timeout) {
    this.stopTimeout = timeout;
  }

  @Override
  public void setProcessOutputStream(InputStream is) {
    pumps.add(() -> pump(is, out, false));
  }

  @Override
  public void setProcessErrorStream(InputStream is) {
    pumps.add(() -> pump(is, err, false));
  }

  @Override
  public void setProcessInputStream(OutputStream os) {
    InputStream from = input;
    if (from == null) {
      closeQuietly(os);
      return;
    }
    pumps.add(() -> pump(from, os, true));
  }

  @Override
  public void start() {
    pumps.forEach(pump -> running.add(POOL.submit(pump)));
    pumps.clear();
  }

  @Override
  public void stop() throws IOException {
    IOException caught = null;
    for (Future<?> pump : running) {
      IOException late = await(pump);
      caught = caught == null ? late : caught;
    }
    running.clear();
    if (err != out) {
      flushQuietly(err);
    }
    flushQuietly(out);
    if (caught != null) {
      throw caught;
    }
  }

  /** Waits for one pump; the exception Commons Exec throws when it did not end in time. */
  private @Nullable IOException await(Future<?> pump) {
    try {
      if (stopTimeout.isZero()) {
        pump.get();
      } else {
        pump.get(stopTimeout.plus(STOP_TIMEOUT_ADDITION).toMillis(), TimeUnit.MILLISECONDS);
      }
      return null;
    } catch (TimeoutException e) {
      return new ExecuteException(
          "The stop timeout of " + stopTimeout.toMillis() + " ms was exceeded",
          Executor.INVALID_EXITVALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      // A pump catches I/O errors; anything else is a bug and must not pass for an output.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a stream pump failed", e.getCause());
    }
  }

  /** Copies until end of stream; an I/O error (the program died, the pipe broke) ends it too. */
  static void pump(InputStream from, OutputStream to, boolean closeWhenExhausted) {
    byte[] buffer = BUFFER.get();
    try {
      int read;
      while ((read = from.read(buffer)) > 0) {
        to.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // What was read is kept; the run's outcome comes from the launcher, not from the pipe.
    } finally {
      if (closeWhenExhausted) {
        closeQuietly(to);
      }
    }
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // The program closed its stdin or exited already.
    }
  }

  private static void flushQuietly(OutputStream stream) {
    try {
      stream.flush();
    } catch (IOException e) {
      // Commons Exec ignores these too; a spool that failed reports it when it is finished.
    }
  }
}
