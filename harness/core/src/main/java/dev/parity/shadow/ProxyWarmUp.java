package dev.parity.shadow;

import dev.parity.fixture.Suite;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hc.core5.http.io.HttpServerRequestHandler;

/**
 * The proxy's warm-up as a whole, before it takes clients: the suite's safe cases sent through a
 * loopback listener of the proxy's own ({@link WarmUp}), counted in a ledger that is thrown away.
 * Every other comparison sees a candidate that differs ({@link RehearsedDifferences}), and the
 * verdict's thread renders the thrown-away verdict and live page as it will the clients'. See
 * docs/traffic.md, "Warm-up".
 */
final class ProxyWarmUp {
  /** The warm-up's own listener: loopback, whatever the clients' address. */
  private static final String HOST = "127.0.0.1";

  /** How often the warm-up renders its thrown-away verdict. */
  private static final long RENDER_EVERY_MS = 100;

  private ProxyWarmUp() {}

  /**
   * What the warm-up did.
   *
   * @param requests requests sent through the proxy and answered
   * @param took from the first request until the proxy was ready for clients
   * @param comparisons comparisons finished (the rest were dropped from its queue)
   * @param differences comparisons that saw a byte of the candidate's answer changed
   */
  record Summary(long requests, Duration took, long comparisons, long differences) {
    static final Summary NONE = new Summary(0, Duration.ZERO, 0, 0);
  }

  /**
   * Warms up a proxy whose comparisons are worked off by {@code queue}, whose listener takes the
   * handler {@code handler} makes for a ledger (the clients' own, so that the code compiled is
   * theirs), and whose verdict is written on {@code writer}.
   */
  static Summary run(
      Suite suite,
      ShadowSettings settings,
      ComparisonQueue<Ledger.Queued> queue,
      ScheduledExecutorService writer,
      Function<Ledger, HttpServerRequestHandler> handler)
      throws IOException, InterruptedException {
    if (settings.warmUp().isZero() || WarmUp.cases(suite).isEmpty()) {
      return Summary.NONE;
    }
    RehearsedDifferences rehearsed = new RehearsedDifferences();
    Ledger discarded = Ledger.warmUp(new ShadowTally(suite.key()), rehearsed);
    ProxyListener warm =
        ProxyListener.bind(new InetSocketAddress(HOST, 0), "parity-shadow-warm-up")
            .start(handler.apply(discarded));
    ScheduledFuture<?> rendering =
        writer.scheduleWithFixedDelay(
            () -> render(discarded, queue),
            RENDER_EVERY_MS,
            RENDER_EVERY_MS,
            TimeUnit.MILLISECONDS);
    try {
      URI base = URI.create("http://" + HOST + ":" + warm.address().getPort());
      WarmUp.Result sent = WarmUp.run(suite, base, settings.warmUp(), () -> queue.waiting() == 0);
      return new Summary(sent.requests(), sent.took(), queue.done(), rehearsed.changed());
    } finally {
      rendering.cancel(false);
      warm.close();
    }
  }

  /** The warm-up's verdict and page, rendered and dropped (the JIT compiles the writer's code). */
  private static void render(Ledger discarded, ComparisonQueue<Ledger.Queued> queue) {
    try {
      Verdict verdict = discarded.tally().verdict(discarded.dropped().get(), queue.waiting());
      VerdictJson.toJson(verdict);
      LivePage.html(verdict);
    } catch (RuntimeException e) {
      // Only a rehearsal: the clients' verdict is written by the proxy, which reports its failures.
    }
  }
}
