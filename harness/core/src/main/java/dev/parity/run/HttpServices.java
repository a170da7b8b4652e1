package dev.parity.run;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.HttpSettings;
import dev.parity.fixture.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of the HTTP services of a run: each is started on the first case that needs it,
 * waited for until ready, and stopped by {@link #close()} (or at JVM exit). A service that cannot
 * be started makes every case of its side unavailable, with what happened and its last output.
 */
final class HttpServices implements AutoCloseable {
  private final Function<HttpSettings, HttpClient> clients;
  private final Map<HttpImplementation, Started> started = new IdentityHashMap<>();
  private final Thread shutdownHook = new Thread(this::stopAtExit, "parity-stop-services");

  /** Set when the JVM exits: no service starts any more, since nothing would stop it. */
  private volatile boolean exiting;

  private final boolean stopAtExit;
  private boolean hookRegistered;

  /**
   * {@code clients} gives the client that polls a service's ready path; with {@code stopAtExit}, a
   * JVM shutdown hook stops the services if the owner did not close this first. Without it the
   * owner's own hook must close it: JVM shutdown hooks run all at once, in no order, so this one
   * would stop the services while the owner's hook still needs them ({@code parity shadow} draining
   * its comparisons on SIGTERM).
   */
  HttpServices(Function<HttpSettings, HttpClient> clients, boolean stopAtExit) {
    this.clients = clients;
    this.stopAtExit = stopAtExit;
  }

  /** One service's start, done once: the running service, or why it could not run. */
  static final class Started {
    private @Nullable RunningService service;
    private @Nullable String failure;
    private String what = "";
    private boolean attempted;

    /** The thread starting the service, while it does: stopping interrupts it. */
    private volatile @Nullable Thread starter;

    /** Why the service could not run, if it could not. */
    Optional<String> failure() {
      return Optional.ofNullable(failure);
    }

    /**
     * Why the service, started without a failure, has ended since (cheaply known: see {@link
     * RunningService#endedCheaply()}), with its last output; empty while it runs.
     */
    synchronized Optional<String> ended() {
      RunningService current = service;
      if (current == null) {
        return Optional.empty();
      }
      return current
          .endedCheaply()
          .map(
              why ->
                  what
                      + " "
                      + why
                      + " during the run, so the answer is not trusted (another process may hold"
                      + " its port)"
                      + LogTail.describe(current.logTail()));
    }

    /** Where the running service answers; only when there is no {@link #failure()}. */
    URI baseUri() {
      // Started without a failure: the service is running.
      return Objects.requireNonNull(service).baseUri();
    }
  }

  /** The service of {@code http}, started (once) if it is not yet. */
  Started service(Suite suite, HttpImplementation http) {
    Started entry;
    synchronized (started) {
      entry = started.computeIfAbsent(http, k -> new Started());
      if (stopAtExit && !hookRegistered) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        hookRegistered = true;
      }
    }
    synchronized (entry) {
      if (!entry.attempted) {
        entry.attempted = true;
        entry.starter = Thread.currentThread();
        try {
          if (exiting) {
            throw new ServiceStartException("not started: Parity is stopping", "");
          }
          entry.service = start(suite, http, entry);
        } catch (ServiceStartException e) {
          entry.failure = e.getMessage() + LogTail.describe(e.logTail());
        } catch (RuntimeException e) {
          // A launcher's unexpected failure is still this side's failure to start, not a harness
          // crash.
          entry.failure = "cannot start " + http.describe() + ": " + e;
        } finally {
          entry.starter = null;
        }
      }
      return entry;
    }
  }

  private RunningService start(Suite suite, HttpImplementation http, Started entry)
      throws ServiceStartException {
    HttpImplementation.Endpoint endpoint = http.endpoint();
    // The launch (a container's build and start) counts against startTimeout too.
    long began = System.nanoTime();
    Launched launched = endpoint.accept(new Launch(suite));
    entry.what = launched.what();
    if (!launched.probe()) {
      return launched.service();
    }
    try {
      new ReadyProbe(clients.apply(suite.http()))
          .await(
              launched.service(),
              endpoint.ready(),
              endpoint.startTimeout(),
              began,
              launched.what());
      return launched.service();
    } catch (ServiceStartException e) {
      launched.service().close();
      throw e;
    }
  }

  /** A service just launched, what to call it in messages, and whether to wait until ready. */
  private record Launched(RunningService service, String what, boolean probe) {}

  /** Launches each kind of endpoint. */
  private record Launch(Suite suite)
      implements HttpImplementation.Visitor<Launched, ServiceStartException> {
    @Override
    public Launched url(HttpImplementation.Url url) {
      // Nothing to wait for unless the suite names a ready path.
      return new Launched(
          new Reachable(url.base()), "service at " + url.base(), url.ready().isPresent());
    }

    @Override
    public Launched start(HttpImplementation.Start start) throws ServiceStartException {
      return new Launched(
          LocalServer.start(suite, start), "server [" + start.describe() + "]", true);
    }

    @Override
    public Launched container(HttpImplementation.Container container) throws ServiceStartException {
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
      return new Launched(launcher.start(suite, container), container.describe(), true);
    }
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

  private void stopAtExit() {
    exiting = true;
    stopAll();
  }

  private void stopAll() {
    List<Started> entries;
    synchronized (started) {
      entries = new ArrayList<>(started.values());
      started.clear();
    }
    for (Started entry : entries) {
      // A start in progress (a build, a wait for ready) holds the entry until it ends: interrupted,
      // it gives up now and stops what it started, instead of holding the stop until startTimeout.
      Thread starting = entry.starter;
      if (starting != null && starting != Thread.currentThread()) {
        starting.interrupt();
      }
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
