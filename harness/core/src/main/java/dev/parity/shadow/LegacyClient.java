package dev.parity.shadow;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The proxy's client of legacy: Apache HttpClient's classic (blocking) client, so that a client's
 * request is sent to legacy and legacy's answer read on the client's own thread. The JDK's client
 * did the same work through its selector thread, one thread for every connection: each request
 * crossed two threads more, and under load waited for that one thread (docs/traffic.md, "Load").
 *
 * <p>It changes nothing of a request but what any client must: no redirect followed, no content
 * decoded, no cookie or authentication kept, no protocol upgrade offered, no user agent of its own.
 * A request is sent again, once, only when it is safe (GET, HEAD, OPTIONS) and its pooled
 * connection turned out closed by legacy; never on an answer, whatever its status.
 */
final class LegacyClient {
  /** Connections kept to legacy: one per client thread ({@link ShadowProxy}) and some to spare. */
  private static final int CONNECTIONS = 128;

  private LegacyClient() {}

  /** A client whose connections time out after {@code connect} and reads after {@code read}. */
  static CloseableHttpClient create(Duration connect, Duration read) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(CONNECTIONS)
                .setMaxConnPerRoute(CONNECTIONS)
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connect))
                        .setSocketTimeout(Timeout.of(read))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setResponseTimeout(Timeout.of(read))
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build())
        .disableRedirectHandling()
        .disableContentCompression()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableConnectionState()
        // Legacy may answer by the user agent: it sees the client's, or none when it sent none.
        .disableDefaultUserAgent()
        .setRetryStrategy(new SafeRetry())
        .build();
  }

  /** Legacy's answer headers as the comparison reads them, names grouped whatever their case. */
  static HttpHeaders headers(Header[] headers) {
    return HttpHeaders.of(grouped(headers, name -> true), (name, value) -> true);
  }

  /**
   * The {@code headers} whose names {@code keep} takes, each name's values in order, keyed whatever
   * the case under the name as first seen (HttpHeaders refuses two keys that differ only in case).
   */
  static Map<String, List<String>> grouped(Header[] headers, Predicate<String> keep) {
    Map<String, List<String>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : headers) {
      if (keep.test(header.getName())) {
        grouped.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
      }
    }
    return grouped;
  }

  /** Sends a safe request once more when its pooled connection was closed; nothing else. */
  private static final class SafeRetry implements HttpRequestRetryStrategy {
    @Override
    public boolean retryRequest(
        HttpRequest request, IOException exception, int execCount, HttpContext context) {
      return execCount <= 1
          && ShadowProxy.SAFE_METHODS.contains(request.getMethod())
          && !(exception instanceof InterruptedIOException)
          && !(exception instanceof ConnectException)
          && !(exception instanceof UnknownHostException);
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
      return TimeValue.ZERO_MILLISECONDS;
    }
  }
}
