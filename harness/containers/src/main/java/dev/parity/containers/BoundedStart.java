package dev.parity.containers;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.parity.fixture.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Builds an image and starts a container within a deadline (the endpoint's {@code startTimeout}),
 * whatever the engine does: a build that stalls is cancelled (closing its connection makes the
 * engine stop it and remove its build container), and a container whose start does not return in
 * time is stopped and removed, now or as soon as its start returns.
 */
final class BoundedStart {
  /**
   * Did not finish before the deadline, or was interrupted (Parity is stopping); the message says
   * what.
   */
  static final class TooSlow extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean interrupted;

    TooSlow(String message, boolean interrupted) {
      super(message);
      this.interrupted = interrupted;
    }

    /** Whether the start was interrupted rather than too slow. */
    boolean interrupted() {
      return interrupted;
    }
  }

  private final long deadline;
  private final Duration timeout;

  /** A deadline {@code timeout} from now. */
  BoundedStart(Duration timeout) {
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  private long remainingNanos() {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * Builds the image of {@code folder} (its Dockerfile) tagged {@code tag}, never pulling; returns
   * the tag.
   */
  String build(Path folder, String tag) throws TooSlow {
    BuildImageResultCallback callback =
        DockerClientFactory.instance()
            .client()
            .buildImageCmd(folder.toFile())
            .withTags(Set.of(tag))
            .withPull(false)
            .withForcerm(true)
            .exec(new BuildImageResultCallback());
    try {
      if (!callback.awaitCompletion(remainingNanos(), TimeUnit.NANOSECONDS)) {
        throw new TooSlow(
            "the image was not built and started within "
                + Durations.format(timeout)
                + " (the build was cancelled)",
            false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TooSlow("the build was interrupted (and cancelled)", true);
    } finally {
      closeQuietly(callback);
    }
    // Throws with Docker's message when the build failed.
    callback.awaitImageId();
    return tag;
  }

  /**
   * Starts {@code container} on a thread of its own; past the deadline the container is stopped and
   * removed (again when its start returns, in case it was created after that).
   */
  void start(GenericContainer<?> container, boolean built) throws TooSlow {
    within(
        () -> {
          container.start();
          return null;
        },
        () -> stopQuietly(container),
        built ? "the image was not built and started" : "the container did not start");
  }

  /**
   * {@code call}'s answer, asked on a thread of its own so that an engine that never answers (it
   * accepts the connection and says nothing) cannot hold the start past the deadline.
   */
  <T> T ask(Callable<T> call, String late) throws TooSlow {
    return within(call, () -> {}, late);
  }

  /**
   * Runs {@code task} on a daemon thread until the deadline; past it (or interrupted), {@code
   * abandon} runs at once and again when the task returns, and {@code late} (followed by "within
   * ...") says what did not happen. The task's runtime exceptions are rethrown.
   */
  private <T> T within(Callable<T> task, Runnable abandon, String late) throws TooSlow {
    AtomicBoolean abandoned = new AtomicBoolean();
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread =
        new Thread(
            () -> {
              future.run();
              if (abandoned.get()) {
                abandon.run();
              }
            },
            "parity-container-start");
    thread.setDaemon(true);
    thread.start();
    try {
      return future.get(remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandoned.set(true);
      future.cancel(true);
      abandon.run();
      throw new TooSlow(late + " within " + Durations.format(timeout), false);
    } catch (InterruptedException e) {
      abandoned.set(true);
      future.cancel(true);
      abandon.run();
      Thread.currentThread().interrupt();
      throw new TooSlow("the start was interrupted", true);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void stopQuietly(GenericContainer<?> container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // Best effort: the engine may be gone.
    }
  }

  private static void closeQuietly(BuildImageResultCallback callback) {
    try {
      callback.close();
    } catch (IOException | RuntimeException e) {
      // Closing the connection is all that is wanted.
    }
  }
}
