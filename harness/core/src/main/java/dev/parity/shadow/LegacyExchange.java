package dev.parity.shadow;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.HopByHopHeaders;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Forwards one client request to legacy and streams legacy's answer back unchanged (status, headers
 * but hop-by-hop ones, body byte for byte), keeping a copy of the body for comparison. Legacy is
 * called on the client's own thread ({@link LegacyClient}).
 */
final class LegacyExchange implements AutoCloseable {

  /** What legacy answered, with the body kept when it was small enough to compare. */
  record Answer(int status, HttpHeaders headers, Optional<byte[]> body, Duration duration) {}

  private final CloseableHttpClient client;
  private final String root;

  LegacyExchange(CloseableHttpClient client, URI base) {
    this.client = client;
    this.root = base.toString().replaceAll("/+$", "");
  }

  /** The request {@code method pathAndQuery} with {@code headers} and {@code body}, for legacy. */
  ClassicHttpRequest request(
      String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(root + pathAndQuery));
    headers.forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
    if (body.length > 0) {
      request.setEntity(new ByteArrayEntity(body, null));
    }
    return request;
  }

  /**
   * Sends {@code request} to legacy and answers the client with what legacy answered; when legacy
   * cannot be reached, the client gets 502 with why.
   */
  Answer answer(HttpExchange exchange, ClassicHttpRequest request) throws IOException {
    long start = System.nanoTime();
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(null, request, null);
    } catch (IOException | RuntimeException e) {
      badGateway(exchange, "legacy did not answer: " + e);
      return new Answer(
          502,
          HttpHeaders.of(Map.of(), (a, b) -> true),
          Optional.empty(),
          Duration.ofNanos(System.nanoTime() - start));
    }
    try (response) {
      HttpHeaders headers = LegacyClient.headers(response.getHeaders());
      Headers out = exchange.getResponseHeaders();
      headers
          .map()
          .forEach(
              (name, values) -> {
                if (!HopByHopHeaders.contains(name)) {
                  out.put(name, List.copyOf(values));
                }
              });
      int status = response.getCode();
      boolean noBody =
          exchange.getRequestMethod().equals("HEAD")
              || status == 204
              || status == 304
              || status < 200;
      long length = headers.firstValueAsLong("content-length").orElse(-1);
      exchange.sendResponseHeaders(
          status, noBody ? -1 : length < 0 ? 0 : length == 0 ? -1 : length);
      HttpEntity entity = response.getEntity();
      Optional<byte[]> kept;
      try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
          OutputStream client = exchange.getResponseBody()) {
        kept =
            length >= 0 && length <= ShadowSettings.MAX_BODY_BYTES
                ? relayKnown(in, client, (int) length)
                : relay(in, client);
      }
      Duration duration = Duration.ofNanos(System.nanoTime() - start);
      return new Answer(status, headers, kept, duration);
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /**
   * Streams a body of a known length to the client, read straight into the copy kept: one array of
   * the body's size per request (a buffer plus a growing copy made most of the proxy's garbage).
   */
  private static Optional<byte[]> relayKnown(InputStream in, OutputStream client, int length)
      throws IOException {
    byte[] copy = new byte[length];
    int at = 0;
    int read;
    while (at < length && (read = in.read(copy, at, length - at)) >= 0) {
      client.write(copy, at, read);
      at += read;
    }
    // Legacy closed early: the client got what legacy sent, and that is compared.
    return Optional.of(at == length ? copy : Arrays.copyOf(copy, at));
  }

  /** Streams a body of unknown length, keeping a copy up to the cap. */
  private static Optional<byte[]> relay(InputStream in, OutputStream client) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    boolean kept = true;
    byte[] buffer = new byte[8 * 1024];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      client.write(buffer, 0, read);
      if (kept && copy.size() + read <= ShadowSettings.MAX_BODY_BYTES) {
        copy.write(buffer, 0, read);
      } else {
        kept = false;
      }
    }
    return kept ? Optional.of(copy.toByteArray()) : Optional.empty();
  }

  /** The client's headers that may be sent on: hop-by-hop and framing headers left out. */
  static Map<String, List<String>> forwardable(Headers headers) {
    Map<String, List<String>> kept = new TreeMap<>();
    headers.forEach(
        (name, values) -> {
          if (!HopByHopHeaders.contains(name)) {
            kept.put(name, List.copyOf(values));
          }
        });
    return kept;
  }

  private static void badGateway(HttpExchange exchange, String why) throws IOException {
    byte[] text = ("parity shadow: " + why + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(502, text.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(text);
    }
  }

  /**
   * The request's body, up to one byte over the cap; a request that declares none is not read (the
   * JDK's readNBytes allocates 8 KiB first, per request).
   */
  static byte[] requestBody(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    if (!headers.containsKey("Transfer-Encoding")
        && "0"
            .equals(Optional.ofNullable(headers.getFirst("Content-Length")).orElse("0").strip())) {
      return new byte[0];
    }
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(ShadowSettings.MAX_BODY_BYTES + 1);
    }
  }

  /**
   * Legacy's base URL.
   *
   * @throws ConfigException when legacy is not a {@code url:} HTTP service
   */
  static URI base(Suite suite) {
    if (suite.legacy() instanceof HttpImplementation http
        && http.endpoint() instanceof HttpImplementation.Url url) {
      return url.base();
    }
    throw new ConfigException(
        suite.folder().resolve(SuiteLoader.SUITE_FILE),
        "legacy is ["
            + suite.legacy().describe()
            + "], but parity shadow serves clients from legacy, so legacy must be an HTTP service"
            + " that is already running: set `legacy: {url: http://HOST:PORT}`");
  }
}
