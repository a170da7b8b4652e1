package dev.parity.shadow;

import java.time.Duration;

/** How many clients' exchanges are being handled, and a wait until there are none. */
final class InFlight {
  private int count;

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    if (--count == 0) {
      notifyAll();
    }
  }

  /** Waits until no exchange is in flight, at most {@code limit}; returns whether none is. */
  synchronized boolean awaitNone(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
