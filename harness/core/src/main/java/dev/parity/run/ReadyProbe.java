package dev.parity.run;

import dev.parity.fixture.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a service answers: with a {@code ready:} path, until that path answers 2xx; without
 * one, until {@code /} answers anything at all. Only the status counts; each attempt is bounded by
 * its timeout and the whole wait by the start timeout, whatever the server sends.
 */
final class ReadyProbe {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient client;

  ReadyProbe(HttpClient client) {
    this.client = client;
  }

  /**
   * Returns normally once ready, by {@code timeout} after {@code began} (a {@link
   * System#nanoTime()} when the start began; at least one attempt is made); otherwise says what
   * went wrong (the caller adds the log tail).
   */
  void await(
      RunningService service, Optional<String> ready, Duration timeout, long began, String what)
      throws ServiceStartException {
    URI uri = URI.create(service.baseUri() + ready.orElse("/"));
    long deadline = began + timeout.toNanos();
    String last = "no attempt";
    while (true) {
      Optional<String> ended = service.ended();
      if (ended.isPresent()) {
        throw new ServiceStartException(
            what + " " + ended.get() + " before it was ready on " + uri, service.logTail());
      }
      try {
        // The request's timeout ends with the status line and headers, not the body: the body is
        // closed unread, or a server that never finishes it would hold the start for ever.
        HttpResponse<InputStream> response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(ATTEMPT_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        int status = response.statusCode();
        if (ready.isEmpty() || (status >= 200 && status < 300)) {
          // Whoever answered, the server must still run: after it ended, its port may be another
          // process's.
          Optional<String> gone = service.ended();
          if (gone.isPresent()) {
            throw new ServiceStartException(
                what + " " + gone.get() + " before it was ready on " + uri, service.logTail());
          }
          return;
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceStartException(what + " start was interrupted", service.logTail());
      }
      if (System.nanoTime() > deadline) {
        throw new ServiceStartException(
            what
                + " did not "
                + (ready.isPresent()
                    ? "answer 2xx on [" + ready.get() + "]"
                    : "answer HTTP on " + uri)
                + " within "
                + Durations.format(timeout)
                + " (last attempt: "
                + last
                + ")"
                + "; raise [startTimeout] if it is just slow",
            service.logTail());
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceStartException(what + " start was interrupted", service.logTail());
      }
    }
  }
}
