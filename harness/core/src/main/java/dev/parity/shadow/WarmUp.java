package dev.parity.shadow;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.DaemonThreads;
import dev.parity.run.Runner;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The proxy's warm-up: before it takes clients, the suite's own safe cases (GET, HEAD, OPTIONS;
 * never a write, whatever the suite allows) are sent through it, so that the JIT has compiled the
 * clients' path and the comparisons' before the first client comes. Without it, the first half
 * minute of clients waited for the compiler (docs/traffic.md, issue 16's load target). The requests
 * go to legacy and the candidate as {@code parity compare}'s would; they are counted in a ledger of
 * their own that is thrown away, so they are in no verdict and no recorded suite.
 */
final class WarmUp {
  /** Threads sending the warm-up's requests. */
  static final int THREADS = 4;

  /** At most this many requests, however fast legacy answers. */
  static final long MAX_REQUESTS = 20_000;

  private static final Duration POLL = Duration.ofMillis(100);

  private WarmUp() {}

  /**
   * What the warm-up did.
   *
   * @param requests requests sent through the proxy and answered (by legacy, or with why not)
   * @param took from the first request until the proxy was ready for clients
   */
  record Result(long requests, Duration took) {
    static final Result NONE = new Result(0, Duration.ZERO);
  }

  /** The cases the warm-up replays: the suite's HTTP cases with a safe method. */
  static List<Case> cases(Suite suite) {
    return suite.cases().stream()
        .filter(
            c ->
                c instanceof HttpCase http
                    && ShadowProxy.SAFE_METHODS.contains(http.request().method()))
        .toList();
  }

  /**
   * Sends {@link #cases} round-robin through the proxy at {@code proxy} for up to {@code limit}
   * (and {@link #MAX_REQUESTS}), then waits up to {@code limit} more until {@code settled} (the
   * comparisons queued) and the JIT compiler has been quiet for a moment. A request still waiting
   * at the limit is abandoned, not waited for.
   */
  static Result run(Suite suite, Runner runner, URI proxy, Duration limit, BooleanSupplier settled)
      throws InterruptedException {
    List<Case> cases = cases(suite);
    if (limit.isZero() || cases.isEmpty()) {
      return Result.NONE;
    }
    Implementation through =
        new HttpImplementation(
            new HttpImplementation.Url(
                proxy, Optional.empty(), HttpImplementation.DEFAULT_START_TIMEOUT));
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    ExecutorService senders =
        Executors.newFixedThreadPool(THREADS, DaemonThreads.named("parity-shadow-warm-up"));
    try {
      for (int i = 0; i < THREADS; i++) {
        senders.execute(
            () -> {
              long n;
              while (System.nanoTime() < end && (n = next.getAndIncrement()) < MAX_REQUESTS) {
                runner.run(suite, through, cases.get((int) (n % cases.size())));
                answered.incrementAndGet();
              }
            });
      }
      senders.shutdown();
      senders.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } finally {
      senders.shutdownNow();
    }
    long settle = System.nanoTime() + limit.toNanos();
    until(settled, settle);
    until(quietCompiler(), settle);
    return new Result(answered.get(), Duration.ofNanos(System.nanoTime() - start));
  }

  private static void until(BooleanSupplier condition, long deadline) throws InterruptedException {
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * True once the JIT compiled nothing between two calls (a poll apart); always true where the JVM
   * does not report its compilation time.
   */
  private static BooleanSupplier quietCompiler() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return () -> true;
    }
    long[] last = {-1};
    return () -> {
      long now = compiler.getTotalCompilationTime();
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    };
  }
}
