package dev.parity.shadow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded queue of comparisons worked off by a few threads at the lowest CPU priority ({@link
 * LowPriority}). {@link #offer} never blocks: when the queue is full the item is dropped and
 * counted, so the client's request never waits for a comparison.
 *
 * <p>Why not a {@code ThreadPoolExecutor}: its queues share a lock between the client's offer and
 * the workers' take, and a worker at the lowest priority can be preempted while it holds that lock,
 * holding the client up behind it (priority inversion). Here the client's side is lock-free: a
 * concurrent queue, an atomic count for the bound, and a semaphore whose release never waits.
 *
 * @param <T> what is compared
 */
public final class ComparisonQueue<T> implements AutoCloseable {
  private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
  private final Semaphore queued = new Semaphore(0);
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private final Consumer<T> work;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  public ComparisonQueue(int capacity, int threads, Consumer<T> work) {
    if (capacity < 1 || threads < 1) {
      throw new IllegalArgumentException("capacity and threads must be at least 1");
    }
    this.capacity = capacity;
    this.work = work;
    for (int i = 0; i < threads; i++) {
      Thread thread = LowPriority.threads("parity-shadow-compare-" + i).newThread(this::work);
      workers.add(thread);
      thread.start();
    }
  }

  /** Queues {@code item} for comparison; false (and counted as dropped) when full or closed. */
  public boolean offer(T item) {
    if (closed.get()) {
      dropped.incrementAndGet();
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      return false;
    }
    items.add(item);
    queued.release();
    return true;
  }

  private void work() {
    while (true) {
      try {
        queued.acquire();
      } catch (InterruptedException e) {
        return;
      }
      T item = items.poll();
      if (item == null) {
        // One of the permits close() adds once no item is left for this worker.
        return;
      }
      size.decrementAndGet();
      try {
        work.accept(item);
      } catch (RuntimeException e) {
        Thread thread = Thread.currentThread();
        thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
      } finally {
        done.incrementAndGet();
      }
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
    return Math.max(0, size.get());
  }

  /**
   * Takes no new item and waits up to {@code deadline} for the queued and running comparisons; true
   * when all finished.
   */
  public boolean drain(Duration deadline) throws InterruptedException {
    stop();
    long end = System.nanoTime() + deadline.toNanos();
    for (Thread worker : workers) {
      long left = end - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(worker, left);
      }
      if (worker.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Takes no new item; each worker ends once the queue holds nothing more for it (one extra permit
   * per worker, taken after the items'). The proxy stops its clients before, so no offer races
   * this.
   */
  private void stop() {
    if (closed.compareAndSet(false, true)) {
      queued.release(workers.size());
    }
  }

  @Override
  public void close() {
    stop();
    workers.forEach(Thread::interrupt);
  }
}
