package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.Durations;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.HttpSettings;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs HTTP implementations: sends each case's request with {@link java.net.http.HttpClient} and
 * observes status, headers and body.
 *
 * <p>Services the harness starts ({@code start:} processes, {@code container:} containers) are
 * started on the first case that needs them, waited for until ready, and stopped by {@link
 * #close()} (or at JVM exit). A service that cannot be started makes every case of its side
 * unavailable, with what happened and the service's last output.
 *
 * <p>Every exchange has a connect timeout and an overall deadline (the case's timeout) that covers
 * the body too, and bodies are bounded: a server that hangs, breaks off or streams forever never
 * hangs the harness or fills its memory.
 */
final class HttpRunner implements Runner {
  static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

  private final long maxBodyBytes;
  private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<HttpImplementation, Started> started = new IdentityHashMap<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "parity-stop-services");
  private boolean hookRegistered;

  HttpRunner(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** One service's start, done once: the running service, or why it could not run. */
  private static final class Started {
    private @Nullable RunningService service;
    private @Nullable String failure;
    private boolean attempted;
  }

  @Override
  public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
    if (!(implementation instanceof HttpImplementation http)) {
      throw new IllegalArgumentException(
          "HttpRunner runs HTTP services only, not " + implementation.describe());
    }
    if (!(testCase instanceof HttpCase httpCase)) {
      throw new IllegalArgumentException("case [" + testCase.id() + "] has no request");
    }
    HttpRequest request = httpCase.request();
    Started service = service(suite, http);
    if (service.failure != null) {
      return new RunOutcome.Unavailable(service.failure, Duration.ZERO);
    }
    // Started without a failure: the service is running.
    return exchange(suite, testCase, request, Objects.requireNonNull(service.service).baseUri());
  }

  private Started service(Suite suite, HttpImplementation http) {
    Started entry;
    synchronized (started) {
      entry = started.computeIfAbsent(http, k -> new Started());
      if (!hookRegistered) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        hookRegistered = true;
      }
    }
    synchronized (entry) {
      if (!entry.attempted) {
        entry.attempted = true;
        try {
          entry.service = start(suite, http);
        } catch (ServiceStartException e) {
          entry.failure = e.getMessage() + LogTail.describe(e.logTail());
        } catch (RuntimeException e) {
          // A launcher's unexpected failure is still this side's failure to start, not a harness
          // crash.
          entry.failure = "cannot start " + http.describe() + ": " + e;
        }
      }
      return entry;
    }
  }

  private RunningService start(Suite suite, HttpImplementation http) throws ServiceStartException {
    HttpImplementation.Endpoint endpoint = http.endpoint();
    RunningService service;
    String what;
    // Java 17 has no pattern switch; the sealed Endpoint keeps this chain exhaustive.
    if (endpoint instanceof HttpImplementation.Url url) {
      service = new Reachable(url.base());
      what = "service at " + url.base();
      if (url.ready().isEmpty()) {
        return service;
      }
    } else if (endpoint instanceof HttpImplementation.Start start) {
      service = LocalServer.start(suite, start);
      what = "server [" + start.describe() + "]";
    } else {
      HttpImplementation.Container container = (HttpImplementation.Container) endpoint;
      ContainerLauncher launcher =
          ServiceLoader.load(ContainerLauncher.class, ContainerLauncher.class.getClassLoader())
              .findFirst()
              .orElseThrow(
                  () ->
                      new ServiceStartException(
                          "cannot start "
                              + container.describe()
                              + ": container support (module harness/containers,"
                              + " Testcontainers) is not on the class path; run the parity CLI jar, which includes it",
                          ""));
      service = launcher.start(suite, container);
      what = container.describe();
    }
    try {
      new ReadyProbe(client(suite.http()))
          .await(service, endpoint.ready(), endpoint.startTimeout(), what);
      return service;
    } catch (ServiceStartException e) {
      service.close();
      throw e;
    }
  }

  private RunOutcome exchange(Suite suite, Case testCase, HttpRequest request, URI base) {
    Duration timeout = suite.timeoutOf(testCase);
    URI uri;
    java.net.http.HttpRequest.Builder builder;
    try {
      uri = URI.create(base + request.path() + query(request));
      builder = java.net.http.HttpRequest.newBuilder(uri).timeout(timeout);
    } catch (IllegalArgumentException e) {
      return new RunOutcome.Failed(
          "cannot build the request for " + base + request.path() + ": " + e.getMessage(),
          Duration.ZERO);
    }
    java.net.http.HttpRequest.BodyPublisher body;
    try {
      body =
          request.body().isPresent()
              ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body().get().bytes())
              : java.net.http.HttpRequest.BodyPublishers.noBody();
    } catch (IOException e) {
      return new RunOutcome.Failed(
          "cannot read the request body: " + e.getMessage(), Duration.ZERO);
    }
    try {
      builder.method(request.method(), body);
      request.headers().forEach(builder::header);
    } catch (IllegalArgumentException e) {
      return new RunOutcome.Failed(
          "cannot build the request for " + uri + ": " + e.getMessage(), Duration.ZERO);
    }
    boolean hasContentType =
        request.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"));
    if (request.body().isPresent() && !hasContentType) {
      builder.header("Content-Type", request.body().get().contentType());
    }
    AtomicReference<LimitedBodySubscriber> subscriber = new AtomicReference<>();
    long start = System.nanoTime();
    // java.net.http retries idempotent requests that meet a pooled connection the server already
    // closed, but never writes; a write gets a fresh connection so it is sent exactly once.
    HttpClient client =
        request.hasSideEffects() ? newClient(suite.http().connectTimeout()) : client(suite.http());
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            builder.build(),
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
      return new RunOutcome.Failed(
          request.method()
              + " "
              + uri
              + ": no complete response within "
              + Durations.format(timeout)
              + (subscriber.get() == null
                  ? " (no status line received: the server hangs)"
                  : " (the body was still arriving)")
              + "; the connection was closed (raise [timeout] on the case or under [defaults] if it is just slow)",
          elapsed(start));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new RunOutcome.Failed("interrupted", elapsed(start));
    } catch (ExecutionException e) {
      return failure(
          request,
          uri,
          timeout,
          Objects.requireNonNullElse(e.getCause(), e),
          base,
          subscriber.get() != null,
          elapsed(start));
    }
    Duration duration = elapsed(start);
    return new RunOutcome.Completed(
        Observation.ofHttp(
            response.statusCode(),
            canonicalHeaders(response.headers(), suite.http()),
            response.body(),
            duration));
  }

  private static RunOutcome failure(
      HttpRequest request,
      URI uri,
      Duration timeout,
      Throwable cause,
      URI base,
      boolean headersReceived,
      Duration duration) {
    if (hasCause(cause, HttpConnectTimeoutException.class)) {
      return new RunOutcome.Unavailable(
          "cannot connect to " + base + ": connect timed out", duration);
    }
    if (hasCause(cause, ConnectException.class)) {
      String why =
          cause.getMessage() == null || cause.getMessage().isBlank()
              ? "connection refused"
              : cause.getMessage();
      return new RunOutcome.Unavailable("cannot connect to " + base + ": " + why, duration);
    }
    String call = request.method() + " " + uri + ": ";
    if (cause instanceof LimitedBodySubscriber.TooLarge) {
      return new RunOutcome.Failed(
          call + cause.getMessage() + "; the connection was closed", duration);
    }
    if (cause instanceof HttpTimeoutException) {
      return new RunOutcome.Failed(
          call
              + "no response within "
              + Durations.format(timeout)
              + " (the server hangs); the connection was closed"
              + " (raise [timeout] on the case or under [defaults] if it is just slow)",
          duration);
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new RunOutcome.Failed(
        call
            + (headersReceived
                ? "the connection broke off during the body ("
                : "the connection failed before a response (")
            + message
            + ")",
        duration);
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** {@code ?a=1&b=2}, form-encoded, appended to a path that may already have a query. */
  static String query(HttpRequest request) {
    if (request.query().isEmpty()) {
      return "";
    }
    String encoded =
        request.query().entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return (request.path().contains("?") ? "&" : "?") + encoded;
  }

  /**
   * The compared headers as text: one {@code name: value} line per value, names in lower case and
   * sorted, values of one name in the order received; ignored headers are left out.
   */
  static String canonicalHeaders(HttpHeaders headers, HttpSettings settings) {
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!lower.startsWith(":") && !settings.ignores(lower)) {
                sorted.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
              }
            });
    StringBuilder text = new StringBuilder();
    sorted.forEach(
        (name, values) ->
            values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
    return text.toString();
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
    stopAll();
    synchronized (started) {
      if (hookRegistered) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or about to; it stops the services itself.
        }
        hookRegistered = false;
      }
    }
  }

  private void stopAll() {
    List<Started> entries;
    synchronized (started) {
      entries = new ArrayList<>(started.values());
      started.clear();
    }
    for (Started entry : entries) {
      synchronized (entry) {
        if (entry.service != null) {
          entry.service.close();
          entry.service = null;
        }
      }
    }
  }

  /** An already running service: nothing to start or stop. */
  private record Reachable(URI baseUri) implements RunningService {
    @Override
    public Optional<String> ended() {
      return Optional.empty();
    }

    @Override
    public String logTail() {
      return "";
    }

    @Override
    public void close() {}
  }
}
