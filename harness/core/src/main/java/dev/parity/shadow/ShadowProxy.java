package dev.parity.shadow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.parity.files.AtomicFiles;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Utf8;
import dev.parity.run.DaemonThreads;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of legacy: every client gets legacy's answer, and safe requests are
 * queued to be sent to the candidate and once more to legacy for noise ({@code legacySecondary:}
 * when the suite has one) and judged like {@code parity compare} judges a case. The JDK's HTTP
 * server takes the clients; legacy is called through Apache HttpClient's blocking client on the
 * client's thread ({@link LegacyClient}); the comparisons use Parity's runner (see
 * docs/traffic.md).
 */
public final class ShadowProxy implements AutoCloseable {
  /** Methods mirrored without {@code allowSideEffects: true}. */
  public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** The path of the live page; {@code /_parity/verdict.json} is the running verdict. */
  public static final String PAGE = "/_parity";

  static {
    // The JDK's server writes the headers and the body separately; with Nagle's algorithm on, the
    // client's delayed ACK holds the body back 40 ms. Read when the first HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Suite suite;
  private final ShadowSettings settings;
  private final Ledger ledger;
  private final ComparisonQueue<Ledger.Queued> queue;
  private final LegacyExchange legacy;
  private final HttpServer server;
  private final ExecutorService clients;
  private final ScheduledExecutorService writer;
  private ProxyWarmUp.Summary warmedUp = ProxyWarmUp.Summary.NONE;
  private volatile boolean serving;

  /** Clients' exchanges being handled (the warm-up's too, while it runs). */
  private final AtomicInteger inFlight = new AtomicInteger();

  private ShadowProxy(Suite suite, Runner live, ShadowSettings settings, URI legacyBase)
      throws IOException {
    this.suite = suite;
    this.settings = settings;
    ShadowJudge judge = new ShadowJudge(suite, live);
    Optional<ShadowRecorder> recorder =
        settings
            .record()
            .map(
                folder ->
                    new ShadowRecorder(
                        folder, suite, settings.sample(), ThreadLocalRandom.current()::nextDouble));
    if (recorder.isPresent()) {
      recorder.get().prepare();
    }
    this.ledger = Ledger.of(new ShadowTally(suite.key()), recorder);
    this.queue =
        new ComparisonQueue<>(settings.queue(), settings.workers(), queued -> judge(judge, queued));
    this.legacy =
        new LegacyExchange(
            LegacyClient.create(suite.http().connectTimeout(), suite.timeout()), legacyBase);
    this.server = HttpServer.create(settings.listen(), 128);
    this.clients = Executors.newFixedThreadPool(64, DaemonThreads.named("parity-shadow-client"));
    server.setExecutor(clients);
    server.createContext("/", handler(ledger));
    // The running verdict is rebuilt every few seconds: work off the clients' path, like the
    // comparisons (the final one, on stop, is written by the stopping thread).
    this.writer =
        Executors.newSingleThreadScheduledExecutor(LowPriority.threads("parity-shadow-verdict"));
  }

  /**
   * Starts a proxy for {@code suite} whose legacy is an already running {@code url:}; {@code live}
   * runs the candidate and legacy's second calls.
   *
   * @throws ConfigException when legacy is not a {@code url:} HTTP service
   */
  public static ShadowProxy start(Suite suite, Runner live, ShadowSettings settings)
      throws IOException {
    URI base = LegacyExchange.base(suite);
    ShadowProxy proxy = new ShadowProxy(suite, live, settings, base);
    Files.createDirectories(settings.reports());
    try {
      proxy.warmedUp =
          ProxyWarmUp.run(
              suite, settings, proxy.queue, proxy.clients, proxy.writer, proxy::handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      proxy.close();
      throw new InterruptedIOException("interrupted while warming up");
    } catch (IOException | RuntimeException e) {
      // A proxy that could not warm up still serves its clients, cold.
      proxy.warmedUp = ProxyWarmUp.Summary.NONE;
    }
    proxy.server.start();
    proxy.serving = true;
    long every = settings.every().toMillis();
    proxy.writer.scheduleWithFixedDelay(proxy::writeQuietly, every, every, TimeUnit.MILLISECONDS);
    return proxy;
  }

  /** The address clients connect to (the real port when {@code --listen} asked for port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The verdict so far. */
  public Verdict verdict() {
    return ledger.tally().verdict(ledger.dropped().get(), queue.waiting());
  }

  /** Requests dropped from comparison because the queue was full. */
  public long dropped() {
    return ledger.dropped().get();
  }

  /** Cases written to the {@code --record} folder. */
  public long recorded() {
    return ledger.recorder().map(ShadowRecorder::written).orElse(0L);
  }

  /** Requests the warm-up sent through the proxy before it took clients (none with no case). */
  public long warmUpRequests() {
    return warmedUp.requests();
  }

  /** How long the warm-up took, settling included. */
  public Duration warmUpTime() {
    return warmedUp.took();
  }

  /**
   * Warm-up requests compared with a byte of the candidate's answer changed ({@link
   * RehearsedDifferences}).
   */
  public long warmUpDifferences() {
    return warmedUp.differences();
  }

  /** Comparisons the warm-up's requests got (the rest were dropped from its queue). */
  public long warmUpComparisons() {
    return warmedUp.comparisons();
  }

  /**
   * The handler of a listener whose requests count in {@code into}: one lambda for both listeners,
   * so the warm-up's calls through it are the clients' (two lambdas are two classes, and the
   * clients' would have met code compiled for the warm-up's class alone).
   */
  private HttpHandler handler(Ledger into) {
    return exchange -> handle(exchange, into);
  }

  /**
   * Stops taking clients, serves those in flight and finishes the comparisons in flight (each up to
   * {@code drain}) and writes the final verdict.json; returns that verdict.
   */
  public Verdict stop(Duration drain) throws IOException, InterruptedException {
    // The JDK's server closes its listener at once, then waits up to the delay for the exchanges in
    // flight and returns when the last one ends; with none in flight it waits out the whole delay
    // (JDK-8304065, fixed in 25 and 21), so then it gets a second. Legacy's client stays open until
    // then.
    long seconds = Math.max(1, (drain.toMillis() + 999) / 1000);
    server.stop(inFlight.get() == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, seconds));
    clients.shutdown();
    clients.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
    queue.drain(drain);
    writer.shutdownNow();
    legacy.close();
    Verdict last = verdict();
    write(last);
    return last;
  }

  @Override
  public void close() {
    if (!serving) {
      // The JDK's server frees its port only once its dispatcher's selector has seen the listening
      // channel closed: one closed before it ever started (start failed, e.g. interrupted while
      // warming up) kept the clients' port bound. It is started only to be stopped at once.
      server.start();
      serving = true;
    }
    server.stop(0);
    clients.shutdownNow();
    queue.close();
    writer.shutdownNow();
    try {
      legacy.close();
    } catch (IOException e) {
      // Its connections are gone with the process anyway.
    }
  }

  private void handle(HttpExchange exchange, Ledger into) throws IOException {
    inFlight.incrementAndGet();
    try {
      String rawPath = exchange.getRequestURI().getRawPath();
      if (rawPath.equals(PAGE) || rawPath.equals(PAGE + "/")) {
        page(exchange, "text/html; charset=utf-8", LivePage.html(verdict()));
        return;
      }
      if (rawPath.equals(PAGE + "/verdict.json")) {
        page(exchange, "application/json", VerdictJson.toJson(verdict()));
        return;
      }
      proxy(exchange, rawPath, into);
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  private void proxy(HttpExchange exchange, String rawPath, Ledger into) throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String pathAndQuery = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    byte[] body = LegacyExchange.requestBody(exchange);
    if (body.length > ShadowSettings.MAX_BODY_BYTES) {
      // Not buffered past the cap: the proxy cannot forward what it did not keep.
      page(exchange, 413, "text/plain; charset=utf-8", "parity shadow: request body over 32 MiB\n");
      into.tally().received(false, false);
      return;
    }
    String method = exchange.getRequestMethod();
    Map<String, List<String>> headers = LegacyExchange.forwardable(exchange.getRequestHeaders());
    LegacyExchange.Answer answer =
        legacy.answer(exchange, legacy.request(method, pathAndQuery, headers, body));
    boolean legacyFailed = answer.status() >= 500;
    Optional<String> text = body.length == 0 ? Optional.of("") : Utf8.strict(body);
    // Not compared: writes (unless allowed), bodies over the cap, binary request bodies, and an
    // unreachable legacy (nothing to compare with).
    boolean mirrored = mirrors(method) && answer.body().isPresent() && text.isPresent();
    into.tally().received(mirrored, legacyFailed);
    if (mirrored) {
      Mirrored.Request request =
          new Mirrored.Request(method, rawPath, pathAndQuery, headers, text.get(), answer);
      into.offered(queue.offer(new Ledger.Queued(request, into)));
    }
  }

  private boolean mirrors(String method) {
    return SAFE_METHODS.contains(method)
        || suite.http().allowSideEffects() && HttpRequest.WRITE_METHODS.contains(method);
  }

  private void judge(ShadowJudge judge, Ledger.Queued queued) {
    Ledger into = queued.ledger();
    Mirrored request = Mirrored.of(suite, into.ids().incrementAndGet(), queued.request());
    CaseResult result = judge.judge(request, into.candidate());
    into.tally().add(request.group(), result);
    if (into.recorder().isPresent()) {
      try {
        into.recorder().get().offer(request, result);
      } catch (IOException | RuntimeException e) {
        into.recordFailures().incrementAndGet();
      }
    }
  }

  private void writeQuietly() {
    try {
      write(verdict());
    } catch (IOException | RuntimeException e) {
      // The next write tries again; the final one (stop) reports its failure.
    }
  }

  private synchronized void write(Verdict verdict) throws IOException {
    AtomicFiles.replace(
        settings.reports().resolve(VerdictJson.FILE),
        VerdictJson.toJson(verdict).getBytes(StandardCharsets.UTF_8));
  }

  private static void page(HttpExchange exchange, String type, String text) throws IOException {
    page(exchange, 200, type, text);
  }

  private static void page(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
