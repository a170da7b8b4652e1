package dev.parity.run;

import dev.parity.fixture.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Builds the {@link java.net.http.HttpRequest} of a case's request against a service's base (the
 * runner's, and the shadow proxy's warm-up, which sends the same requests through the proxy).
 */
public final class HttpRequests {
  private HttpRequests() {}

  /** A request that cannot be built (a bad path, header or unreadable body), with why. */
  public static final class Unbuildable extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    Unbuildable(String reason) {
      super(reason);
      this.reason = reason;
    }

    /** What is wrong with the request, for the case's error. */
    public String reason() {
      return reason;
    }
  }

  /** The request to send, with {@code timeout} as its overall deadline. */
  public static java.net.http.HttpRequest build(HttpRequest request, URI base, Duration timeout)
      throws Unbuildable {
    URI uri;
    java.net.http.HttpRequest.Builder builder;
    try {
      uri = URI.create(base + request.path() + query(request));
      builder = java.net.http.HttpRequest.newBuilder(uri).timeout(timeout);
    } catch (IllegalArgumentException e) {
      throw new Unbuildable(
          "cannot build the request for " + base + request.path() + ": " + e.getMessage());
    }
    BodyPublisher body;
    try {
      body =
          request.body().isPresent()
              ? BodyPublishers.ofByteArray(request.body().get().bytes())
              : BodyPublishers.noBody();
    } catch (IOException e) {
      throw new Unbuildable("cannot read the request body: " + e.getMessage());
    }
    try {
      builder.method(request.method(), body);
      request.headers().forEach(builder::header);
    } catch (IllegalArgumentException e) {
      throw new Unbuildable("cannot build the request for " + uri + ": " + e.getMessage());
    }
    boolean hasContentType =
        request.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"));
    if (request.body().isPresent() && !hasContentType) {
      builder.header("Content-Type", request.body().get().contentType());
    }
    return builder.build();
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
}
