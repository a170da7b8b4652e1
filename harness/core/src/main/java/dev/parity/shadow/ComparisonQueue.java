package dev.parity.shadow;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded queue of comparisons worked off by a few threads. {@link #offer} never blocks: when the
 * queue is full the item is dropped and counted, so the client's request never waits for a
 * comparison.
 *
 * @param <T> what is compared
 */
public final class ComparisonQueue<T> implements AutoCloseable {
  private final BlockingQueue<Runnable> queue;
  private final ExecutorService workers;
  private final Consumer<T> work;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong done = new AtomicLong();

  public ComparisonQueue(int capacity, int threads, Consumer<T> work) {
    if (capacity < 1 || threads < 1) {
      throw new IllegalArgumentException("capacity and threads must be at least 1");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.work = work;
    // A pool over the bounded queue with the abort policy: a full queue rejects at once.
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queue,
            runnable -> {
              Thread thread = new Thread(runnable, "parity-shadow-compare");
              thread.setDaemon(true);
              return thread;
            },
            (runnable, executor) -> {
              throw FULL;
            });
  }

  /**
   * Thrown by the pool when the queue is full: one instance without a stack trace, because the
   * default policy builds a message and a stack trace for every drop, on the client's thread, just
   * when the proxy is busiest (seen in a JFR profile of the load test).
   */
  private static final RejectedExecutionException FULL =
      new RejectedExecutionException("comparison queue full") {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
          return this;
        }
      };

  /** Queues {@code item} for comparison; false (and counted as dropped) when the queue is full. */
  public boolean offer(T item) {
    try {
      workers.execute(
          () -> {
            try {
              work.accept(item);
            } finally {
              done.incrementAndGet();
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet();
      return false;
    }
  }

  /** Items dropped because the queue was full (or closed). */
  public long dropped() {
    return dropped.get();
  }

  /** Items whose comparison finished. */
  public long done() {
    return done.get();
  }

  /** Items waiting for a worker. */
  public int waiting() {
    return queue.size();
  }

  /**
   * Takes no new item and waits up to {@code deadline} for the queued and running comparisons; true
   * when all finished.
   */
  public boolean drain(Duration deadline) throws InterruptedException {
    workers.shutdown();
    return workers.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
