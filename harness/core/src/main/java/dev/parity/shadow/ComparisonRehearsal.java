package dev.parity.shadow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The warm-up's second phase: the comparisons alone, fed again and again with requests the warm-up
 * served, until the warm-up has compared {@link #COMPARISONS} requests in all (or its time is up).
 *
 * <p>Why: while the warm-up's senders run, the comparisons (at the lowest CPU priority, beside the
 * senders, the proxy and both servers) get through only about a fifth of its requests, and the rest
 * are dropped from its thrown-away queue as a client's would be. The JIT compiles a method for good
 * after some 5,000-15,000 calls, so the comparisons' code was compiled during the first clients'
 * load, on the cores they need (docs/traffic.md). Re-comparing kept requests costs the servers the
 * candidate's and the noise calls only, as {@code compare} does, and the clients' path nothing: it
 * runs before the clients' port is served.
 */
final class ComparisonRehearsal {
  /** Comparisons the warm-up aims at in all, its senders' included. */
  static final long COMPARISONS = 10_000;

  /** Distinct requests kept from the warm-up's senders to compare again. */
  static final int KEPT = 64;

  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final List<Ledger.Queued> kept = new ArrayList<>();

  /** Keeps {@code queued} to compare again, up to {@link #KEPT} of them; called by many threads. */
  synchronized void keep(Ledger.Queued queued) {
    if (kept.size() < KEPT) {
      kept.add(queued);
    }
  }

  /**
   * Offers the kept requests round robin to {@code queue} whenever fewer than {@code room} wait,
   * until {@code queue} has compared {@code comparisons} items in all or {@code limit} has passed;
   * returns how many were offered. A small {@code room} (a few per worker) keeps the workers busy
   * and leaves little to finish once it returns, and less than the queue's capacity drops none.
   */
  long run(ComparisonQueue<Ledger.Queued> queue, int room, long comparisons, Duration limit) {
    List<Ledger.Queued> requests;
    synchronized (this) {
      requests = List.copyOf(kept);
    }
    if (requests.isEmpty()) {
      return 0;
    }
    long end = System.nanoTime() + limit.toNanos();
    long offered = 0;
    while (queue.done() < comparisons && System.nanoTime() - end < 0) {
      if (queue.waiting() < room && queue.offer(requests.get((int) (offered % requests.size())))) {
        offered++;
      } else {
        LockSupport.parkNanos(PAUSE_NANOS);
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
    }
    return offered;
  }
}
