package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.HttpSettings;
import dev.parity.fixture.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs HTTP implementations: sends each case's request with {@link java.net.http.HttpClient} and
 * observes status, headers and body.
 *
 * <p>Services the harness starts ({@code start:} processes, {@code container:} containers) are
 * started on the first case that needs them and stopped by {@link #close()}: see {@link
 * HttpServices}. Requests are built by {@link HttpRequests}, failed exchanges described by {@link
 * HttpResponses}.
 *
 * <p>Every exchange has a connect timeout and an overall deadline (the case's timeout) that covers
 * the body too, and bodies are bounded: a server that hangs, breaks off or streams forever never
 * hangs the harness or fills its memory.
 */
final class HttpRunner extends TypedRunner<HttpImplementation, HttpCase> {
  static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final long maxBodyBytes;
  private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private final HttpServices services;

  HttpRunner(long maxBodyBytes) {
    this(maxBodyBytes, true);
  }

  /** {@code stopAtExit}: whether a JVM shutdown hook stops the services ({@link HttpServices}). */
  HttpRunner(long maxBodyBytes, boolean stopAtExit) {
    super(HttpImplementation.class, HttpCase.class);
    this.maxBodyBytes = maxBodyBytes;
    this.services = new HttpServices(this::client, stopAtExit);
  }

  @Override
  RunOutcome runTyped(Suite suite, HttpImplementation http, HttpCase testCase) {
    HttpRequest request = testCase.request();
    HttpServices.Started service = services.service(suite, http);
    Optional<String> failure = service.failure();
    if (failure.isPresent()) {
      return new RunOutcome.Unavailable(failure.get(), Duration.ZERO);
    }
    RunOutcome outcome = exchange(suite, testCase, request, service.baseUri());
    Optional<String> ended = service.ended();
    if (ended.isPresent()) {
      return new RunOutcome.Unavailable(ended.get(), outcome.duration());
    }
    return outcome;
  }

  private RunOutcome exchange(Suite suite, Case testCase, HttpRequest request, URI base) {
    Duration timeout = suite.timeoutOf(testCase);
    java.net.http.HttpRequest built;
    try {
      built = HttpRequests.build(request, base, timeout);
    } catch (HttpRequests.Unbuildable e) {
      return new RunOutcome.Failed(e.reason(), Duration.ZERO);
    }
    URI uri = built.uri();
    AtomicReference<LimitedBodySubscriber> subscriber = new AtomicReference<>();
    long start = System.nanoTime();
    // java.net.http retries idempotent requests that meet a pooled connection the server already
    // closed, but never writes; a write gets a fresh connection so it is sent exactly once.
    HttpClient client =
        request.hasSideEffects() ? newClient(suite.http().connectTimeout()) : client(suite.http());
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            built,
            info -> {
              LimitedBodySubscriber limited = new LimitedBodySubscriber(maxBodyBytes);
              subscriber.set(limited);
              return limited;
            });
    HttpResponse<byte[]> response;
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      Optional.ofNullable(subscriber.get()).ifPresent(LimitedBodySubscriber::cancel);
      return HttpResponses.timedOut(
          request, uri, timeout, subscriber.get() != null, elapsed(start));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new RunOutcome.Failed("interrupted", elapsed(start));
    } catch (ExecutionException e) {
      return HttpResponses.failure(
          request,
          uri,
          timeout,
          Objects.requireNonNullElse(e.getCause(), e),
          base,
          subscriber.get() != null,
          elapsed(start));
    }
    Duration duration = elapsed(start);
    Optional<String> ambiguous = HttpResponses.ambiguousFraming(response.headers());
    if (ambiguous.isPresent()) {
      return new RunOutcome.Failed(request.method() + " " + uri + ": " + ambiguous.get(), duration);
    }
    return new RunOutcome.Completed(
        Observation.ofHttp(
            response.statusCode(),
            HttpResponses.canonicalHeaders(response.headers(), suite.http()),
            response.body(),
            duration));
  }

  /**
   * Forgets the pooled clients: later requests open new connections. (Java 17's HttpClient cannot
   * be closed; the old idle connections are dropped with it.)
   */
  @Override
  public void resetConnections() {
    clients.clear();
  }

  private HttpClient client(HttpSettings settings) {
    return clients.computeIfAbsent(settings.connectTimeout(), HttpRunner::newClient);
  }

  private static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    services.close();
  }
}
