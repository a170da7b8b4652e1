package dev.parity.shadow;

import dev.parity.fixture.HttpCase;
import dev.parity.fixture.Suite;
import dev.parity.run.DaemonThreads;
import dev.parity.run.HttpRequests;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>The requests are sent by a plain {@link HttpClient} from {@link #CONNECTIONS} threads, each
 * request built once: the JIT compiles a method after some 10,000 calls, and sending them with
 * Parity's runner (a case's whole run per request, everything interpreted at first) reached only
 * 150-450 requests a second, so the clients still met a cold proxy. The proxy's own client of
 * legacy ({@link LegacyClient}) is compiled by the proxy's handling of these requests.
 */
final class WarmUp {
  /** Requests in flight at once, each from a thread and on a connection of its own. */
  static final int CONNECTIONS = 8;

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
  static List<HttpCase> cases(Suite suite) {
    return suite.cases().stream()
        .filter(c -> c instanceof HttpCase)
        .map(c -> (HttpCase) c)
        .filter(http -> ShadowProxy.SAFE_METHODS.contains(http.request().method()))
        .toList();
  }

  /**
   * Sends {@link #cases} round-robin through the proxy at {@code proxy} for up to {@code limit}
   * (and {@link #MAX_REQUESTS}), then waits up to {@code limit} more until {@code settled} (the
   * comparisons queued) and the JIT compiler has been quiet for a moment. A request still waiting
   * at the limit is abandoned, not waited for; a sender whose request gets no answer at all stops.
   */
  static Result run(Suite suite, URI proxy, Duration limit, BooleanSupplier settled)
      throws InterruptedException {
    List<HttpRequest> requests = requests(suite, proxy);
    if (limit.isZero() || requests.isEmpty()) {
      return Result.NONE;
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(suite.http().connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    ExecutorService senders =
        Executors.newFixedThreadPool(CONNECTIONS, DaemonThreads.named("parity-shadow-warm-up"));
    try {
      for (int i = 0; i < CONNECTIONS; i++) {
        senders.execute(() -> send(client, requests, end, next, answered));
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

  /** One sender's loop, until the deadline, the count, an interruption or a request unanswered. */
  private static void send(
      HttpClient client,
      List<HttpRequest> requests,
      long end,
      AtomicLong next,
      AtomicLong answered) {
    long n;
    while (System.nanoTime() < end && (n = next.getAndIncrement()) < MAX_REQUESTS) {
      try {
        client.send(
            requests.get((int) (n % requests.size())), HttpResponse.BodyHandlers.discarding());
      } catch (IOException | RuntimeException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      answered.incrementAndGet();
    }
  }

  /**
   * The {@link #cases}' requests against {@code proxy}; a case whose request cannot be built is
   * left out.
   */
  private static List<HttpRequest> requests(Suite suite, URI proxy) {
    List<HttpRequest> requests = new ArrayList<>();
    for (HttpCase c : cases(suite)) {
      try {
        requests.add(HttpRequests.build(c.request(), proxy, suite.timeoutOf(c)));
      } catch (HttpRequests.Unbuildable e) {
        // Its run would fail before reaching the proxy, as compare's run of it does.
      }
    }
    return requests;
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
