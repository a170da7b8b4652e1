package dev.parity.shadow;

import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.RequestBody;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.HttpResponses;
import dev.parity.run.Observation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the proxy served from legacy and queued for comparison.
 *
 * @param testCase the request as a case (its tag is the route group)
 * @param group the route group ({@link RouteGroups})
 * @param legacy what legacy answered the client
 */
public record Mirrored(HttpCase testCase, String group, Observation legacy) {
  public Mirrored {
    Objects.requireNonNull(testCase, "testCase");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(legacy, "legacy");
  }

  /**
   * What the client's thread keeps of a request to compare: only copies, taken before the exchange
   * closes, so that building the case ({@link #of}) happens on a comparison thread, off the
   * client's path, and not at all for a request dropped because the queue is full.
   *
   * @param method the request's method
   * @param rawPath the path as the client sent it, for the route group
   * @param pathAndQuery path and query as sent to legacy
   * @param headers the client's headers that were forwarded to legacy
   * @param body the request's body as text (empty when it had none)
   * @param answer what legacy answered the client
   */
  record Request(
      String method,
      String rawPath,
      String pathAndQuery,
      Map<String, List<String>> headers,
      String body,
      LegacyExchange.Answer answer) {}

  /**
   * The client's {@code request} as case {@code shadow/<group>/<number>} of {@code suite} (tagged
   * with its route group), with legacy's answer as it is compared: headers canonical as the HTTP
   * runner makes them.
   */
  static Mirrored of(Suite suite, long number, Request request) {
    String group = RouteGroups.of(request.rawPath());
    String id = "shadow/" + group + "/" + number;
    Map<String, String> headers = new LinkedHashMap<>();
    // Several lines of one header become one, as HTTP allows, but Cookie's, whose pairs are
    // separated by "; " (a cookie parser reads "a=1, b=2" as one cookie "a" of "1, b=2").
    request
        .headers()
        .forEach(
            (name, values) ->
                headers.put(
                    name, String.join(name.equalsIgnoreCase("Cookie") ? "; " : ", ", values)));
    String body = request.body();
    HttpRequest sent =
        new HttpRequest(
            request.method(),
            request.pathAndQuery(),
            Map.of(),
            headers,
            body.isEmpty() ? Optional.empty() : Optional.of(RequestBody.text(body)));
    HttpCase testCase =
        new HttpCase(
            id,
            suite.folder().resolve(SuiteLoader.SUITE_FILE),
            sent,
            Optional.empty(),
            List.of(group),
            List.of());
    LegacyExchange.Answer answer = request.answer();
    Observation observed =
        Observation.ofHttp(
            answer.status(),
            HttpResponses.canonicalHeaders(answer.headers(), suite.http()),
            answer.body().orElseThrow(),
            answer.duration());
    return new Mirrored(testCase, group, observed);
  }

  /**
   * Whether the candidate's and legacy's second calls can send {@code target} byte for byte: an
   * origin-form target of printable ASCII that is a strict URI path and query. Any other ({@code
   * /a|b}, a bad {@code %} escape, raw non-ASCII bytes, an absolute URI) would be sent escaped or
   * not at all, and its answers would differ from legacy's for that alone.
   */
  static boolean sendable(String target) {
    if (!target.startsWith("/") || !target.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      return false;
    }
    try {
      URI uri = new URI("http://localhost" + target);
      return uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
