package dev.parity.shadow;

import dev.parity.fixture.ConfigException;
import dev.parity.fixture.HopByHopHeaders;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpServerRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/**
 * Forwards one client request to legacy and streams legacy's answer back unchanged (status, headers
 * but hop-by-hop ones, body byte for byte), keeping a copy of the body for comparison. Legacy is
 * called on the client's own thread ({@link LegacyClient}), with the request target exactly as the
 * client sent it ({@link ProxyListener}).
 */
final class LegacyExchange implements AutoCloseable {

  /** What legacy answered, with the body kept when it was small enough to compare. */
  record Answer(int status, HttpHeaders headers, Optional<byte[]> body, Duration duration) {}

  private final CloseableHttpClient client;
  private final HttpHost host;
  private final String basePath;

  LegacyExchange(CloseableHttpClient client, URI base) {
    this.client = client;
    this.host = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    this.basePath = path.replaceAll("/+$", "");
  }

  /**
   * The request {@code method target} with {@code headers} and {@code body}, for legacy: {@code
   * target} is sent as it is, after the path of legacy's base URL when it is a path.
   */
  ClassicHttpRequest request(
      String method, String target, Map<String, List<String>> headers, byte[] body) {
    // An origin-form target goes after legacy's base path; any other ("*" of OPTIONS, an absolute
    // URI) as it came.
    String sent = target.startsWith("/") ? basePath + target : target;
    BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host, sent);
    headers.forEach((name, values) -> values.forEach(v -> request.addHeader(name, v)));
    if (body.length > 0) {
      request.setEntity(new ByteArrayEntity(body, null));
    }
    return request;
  }

  /**
   * Sends {@code request} to legacy and answers the client through {@code trigger} with what legacy
   * answered, streamed; when legacy cannot be reached, the client gets 502 with why.
   */
  Answer answer(ClassicHttpRequest request, HttpServerRequestHandler.ResponseTrigger trigger)
      throws IOException, HttpException {
    long start = System.nanoTime();
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(host, request, null);
    } catch (IOException | RuntimeException e) {
      trigger.submitResponse(text(502, "legacy did not answer: " + e));
      return new Answer(
          502,
          HttpHeaders.of(Map.of(), (a, b) -> true),
          Optional.empty(),
          Duration.ofNanos(System.nanoTime() - start));
    }
    HttpHeaders headers = LegacyClient.headers(response.getHeaders());
    int status = response.getCode();
    BasicClassicHttpResponse answer =
        new BasicClassicHttpResponse(status, response.getReasonPhrase());
    for (Header header : response.getHeaders()) {
      if (!HopByHopHeaders.contains(header.getName())) {
        answer.addHeader(header);
      }
    }
    long length = headers.firstValueAsLong("content-length").orElse(-1);
    RelayedBody body = new RelayedBody(response.getEntity(), length);
    // 204 and 304 have no body and say no length; a HEAD answer says the length of the body it
    // leaves out as legacy said it (the server sends no body for HEAD, whatever the entity).
    answer.setEntity(status == 204 || status == 304 ? null : body);
    try {
      trigger.submitResponse(answer);
    } finally {
      // Legacy's connection goes back to the pool when its body was read to the end, else closes.
      response.close();
    }
    return new Answer(status, headers, body.kept(), Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** The client's headers that may be sent on, grouped by name whatever its case. */
  static Map<String, List<String>> forwardable(Header[] headers) {
    return LegacyClient.grouped(headers, name -> !HopByHopHeaders.contains(name));
  }

  /** A short plain-text answer of the proxy's own, saying {@code why}. */
  static ClassicHttpResponse text(int status, String why) {
    return own(status, "text/plain", "parity shadow: " + why + "\n");
  }

  /** An answer of the proxy's own: {@code text} as {@code type} in UTF-8. */
  static ClassicHttpResponse own(int status, String type, String text) {
    BasicClassicHttpResponse answer = new BasicClassicHttpResponse(status);
    answer.setEntity(new StringEntity(text, ContentType.create(type, StandardCharsets.UTF_8)));
    return answer;
  }

  /**
   * The request's body, up to one byte over the cap (and no further); a request without one has
   * none.
   */
  static byte[] requestBody(ClassicHttpRequest request) throws IOException {
    HttpEntity entity = request.getEntity();
    if (entity == null || entity.getContentLength() == 0) {
      return new byte[0];
    }
    InputStream in = entity.getContent();
    byte[] body = in.readNBytes(ShadowSettings.MAX_BODY_BYTES + 1);
    if (body.length <= ShadowSettings.MAX_BODY_BYTES) {
      in.close();
    }
    // Over the cap, the stream is left as it is: closing it would read the rest, however large,
    // and the connection is closed after the 413 instead.
    return body;
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
