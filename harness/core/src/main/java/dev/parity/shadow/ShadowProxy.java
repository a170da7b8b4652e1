package dev.parity.shadow;

import dev.parity.files.AtomicFiles;
import dev.parity.files.OutputFolder;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Utf8;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpServerRequestHandler;

/**
 * A reverse proxy in front of legacy: every client gets legacy's answer, and safe requests are
 * queued to be sent to the candidate and once more to legacy for noise ({@code legacySecondary:}
 * when the suite has one) and judged like {@code parity compare} judges a case. The clients are
 * taken by {@link ProxyListener} (Apache HttpCore, the request target kept as sent); legacy is
 * called through Apache HttpClient's blocking client on the client's thread ({@link LegacyClient});
 * the comparisons use Parity's runner (see docs/traffic.md).
 */
public final class ShadowProxy implements AutoCloseable {
  /** Methods mirrored without {@code allowSideEffects: true}. */
  public static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** The path of the live page; {@code /_parity/verdict.json} is the running verdict. */
  public static final String PAGE = "/_parity";

  private final Suite suite;
  private final ShadowSettings settings;
  private final Ledger ledger;
  private final ComparisonQueue<Ledger.Queued> queue;
  private final LegacyExchange legacy;
  private final ScheduledExecutorService writer;
  private ProxyWarmUp.Summary warmedUp = ProxyWarmUp.Summary.NONE;
  private final ProxyListener server;

  /** Clients' exchanges being handled (the warm-up's too, while it runs). */
  private final InFlight inFlight = new InFlight();

  private ShadowProxy(Suite suite, Runner live, ShadowSettings settings, URI legacyBase)
      throws IOException {
    this.suite = suite;
    this.settings = settings;
    // First: a port in use fails before anything is started or written.
    this.server = ProxyListener.bind(settings.listen(), "parity-shadow-client");
    ShadowJudge judge = new ShadowJudge(suite, live);
    Optional<ShadowRecorder> recorder =
        settings
            .record()
            .map(
                folder ->
                    new ShadowRecorder(
                        folder, suite, settings.sample(), ThreadLocalRandom.current()::nextDouble));
    if (recorder.isPresent()) {
      try {
        recorder.get().prepare();
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    }
    this.ledger = Ledger.of(new ShadowTally(suite.key()), recorder);
    this.queue =
        new ComparisonQueue<>(settings.queue(), settings.workers(), queued -> judge(judge, queued));
    this.legacy =
        new LegacyExchange(
            LegacyClient.create(suite.http().connectTimeout(), suite.timeout()), legacyBase);
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
    OutputFolder.claim(settings.reports());
    ShadowProxy proxy = new ShadowProxy(suite, live, settings, base);
    try {
      proxy.warmedUp = ProxyWarmUp.run(suite, settings, proxy.queue, proxy.writer, proxy::handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      proxy.close();
      throw new InterruptedIOException("interrupted while warming up");
    } catch (IOException | RuntimeException e) {
      // A proxy that could not warm up still serves its clients, cold.
      proxy.warmedUp = ProxyWarmUp.Summary.NONE;
    }
    proxy.server.start(proxy.handler(proxy.ledger));
    long every = settings.every().toMillis();
    proxy.writer.scheduleWithFixedDelay(proxy::writeQuietly, every, every, TimeUnit.MILLISECONDS);
    return proxy;
  }

  /** The address clients connect to (the real port when {@code --listen} asked for port 0). */
  public InetSocketAddress address() {
    return server.address();
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
  private HttpServerRequestHandler handler(Ledger into) {
    return (request, trigger, context) -> handle(request, trigger, into);
  }

  /**
   * Stops taking clients, serves those in flight and finishes the comparisons in flight (each up to
   * {@code drain}) and writes the final verdict.json; returns that verdict.
   */
  public Verdict stop(Duration drain) throws IOException, InterruptedException {
    // No new connection; the clients in flight get legacy's answer, each told to close its
    // connection after it, for up to the drain; then every connection closes.
    server.stopAccepting();
    inFlight.awaitNone(drain);
    server.close();
    queue.drain(drain);
    writer.shutdownNow();
    legacy.close();
    Verdict last = verdict();
    write(last);
    return last;
  }

  @Override
  public void close() {
    server.close();
    queue.close();
    writer.shutdownNow();
    try {
      legacy.close();
    } catch (IOException e) {
      // Its connections are gone with the process anyway.
    }
  }

  private void handle(
      ClassicHttpRequest request, HttpServerRequestHandler.ResponseTrigger trigger, Ledger into)
      throws IOException, HttpException {
    inFlight.begin();
    try {
      String target = request.getPath();
      int query = target.indexOf('?');
      String rawPath = query < 0 ? target : target.substring(0, query);
      if (rawPath.equals(PAGE) || rawPath.equals(PAGE + "/")) {
        trigger.submitResponse(LegacyExchange.own(200, "text/html", LivePage.html(verdict())));
        return;
      }
      if (rawPath.equals(PAGE + "/verdict.json")) {
        trigger.submitResponse(
            LegacyExchange.own(200, "application/json", VerdictJson.toJson(verdict())));
        return;
      }
      proxy(request, trigger, rawPath, into);
    } finally {
      inFlight.end();
    }
  }

  private void proxy(
      ClassicHttpRequest request,
      HttpServerRequestHandler.ResponseTrigger trigger,
      String rawPath,
      Ledger into)
      throws IOException, HttpException {
    byte[] body = LegacyExchange.requestBody(request);
    if (body.length > ShadowSettings.MAX_BODY_BYTES) {
      // Not buffered past the cap: the proxy cannot forward what it did not keep. The rest is not
      // read either (the server would read it all, however large, before closing the connection).
      request.setEntity(null);
      trigger.submitResponse(LegacyExchange.text(413, "request body over 32 MiB"));
      into.tally().received(RouteGroups.of(rawPath), false, false);
      return;
    }
    String method = request.getMethod();
    String target = request.getPath();
    Map<String, List<String>> headers = LegacyExchange.forwardable(request.getHeaders());
    LegacyExchange.Answer answer =
        legacy.answer(legacy.request(method, target, headers, body), trigger);
    boolean legacyFailed = answer.status() >= 500;
    Optional<String> text = body.length == 0 ? Optional.of("") : Utf8.strict(body);
    // Not compared: writes (unless allowed), bodies over the cap, binary request bodies, a request
    // the candidate's client cannot send as it came, and an unreachable legacy (nothing to compare
    // with). Without a User-Agent, the candidate and legacy's second call would get the JDK
    // client's own (it cannot send none): for a service that answers by user agent, legacy's two
    // answers would differ, and the candidate's difference there would pass as noise.
    boolean mirrored =
        mirrors(method)
            && answer.body().isPresent()
            && text.isPresent()
            && Mirrored.sendable(target)
            && headers.containsKey("User-Agent");
    into.tally().received(RouteGroups.of(rawPath), mirrored, legacyFailed);
    if (mirrored) {
      Mirrored.Request mirror =
          new Mirrored.Request(method, rawPath, target, headers, text.get(), answer);
      into.offered(queue.offer(new Ledger.Queued(mirror, into)));
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
}
