package dev.parity.run;

import dev.parity.fixture.Durations;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.HttpSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an exchange observed: the compared headers of a response, or what went wrong, said so that a
 * user can tell a hanging, broken or unreachable server apart.
 */
public final class HttpResponses {
  private static final String RAISE_TIMEOUT =
      " (raise [timeout] on the case or under [defaults] if it is just slow)";

  private HttpResponses() {}

  /** No complete response within the case's timeout: the server hangs, or its body did. */
  static RunOutcome timedOut(
      HttpRequest request, URI uri, Duration timeout, boolean headersReceived, Duration duration) {
    return new RunOutcome.Failed(
        request.method()
            + " "
            + uri
            + ": no complete response within "
            + Durations.format(timeout)
            + (headersReceived
                ? " (the body was still arriving)"
                : " (no status line received: the server hangs)")
            + "; the connection was closed"
            + RAISE_TIMEOUT,
        duration);
  }

  /** The outcome of an exchange that failed with {@code cause}. */
  static RunOutcome failure(
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
              + RAISE_TIMEOUT,
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

  /**
   * Why a response's framing is ambiguous, if it is: it has both Transfer-Encoding and
   * Content-Length, or a Content-Length that is not one number (different values, or not digits).
   * Clients disagree on where such a body ends (java.net.http trusts the first Content-Length, even
   * over chunked), so what Parity read is not what every client sees: RFC 9112 section 6.3 makes it
   * an error. Repeating one value is allowed.
   */
  static Optional<String> ambiguousFraming(HttpHeaders headers) {
    List<String> lengths = headers.allValues("content-length");
    if (lengths.isEmpty()) {
      return Optional.empty();
    }
    List<String> encodings = headers.allValues("transfer-encoding");
    if (!encodings.isEmpty()) {
      return Optional.of(
          "the response has both Transfer-Encoding "
              + encodings
              + " and Content-Length "
              + lengths
              + AMBIGUOUS);
    }
    Set<String> values = new TreeSet<>();
    for (String field : lengths) {
      for (String value : field.split(",", -1)) {
        values.add(value.strip());
      }
    }
    if (values.size() > 1 || !values.iterator().next().matches("[0-9]+")) {
      return Optional.of(
          "the response's Content-Length "
              + lengths
              + (values.size() > 1 ? " has different values" : " is not a number")
              + AMBIGUOUS);
    }
    return Optional.empty();
  }

  private static final String AMBIGUOUS =
      ": where its body ends is ambiguous (RFC 9112 section 6.3), clients disagree on it,"
          + " so it is not compared";

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The compared headers as text: one {@code name: value} line per value, names in lower case and
   * sorted, values of one name in the order received; ignored headers are left out.
   */
  public static String canonicalHeaders(HttpHeaders headers, HttpSettings settings) {
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
}
