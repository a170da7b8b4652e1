package dev.parity.shadow;

import com.sun.net.httpserver.HttpExchange;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.RequestBody;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.HttpResponses;
import dev.parity.run.Observation;
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
   * The client's request as case {@code id} of {@code suite} (tagged with its route group), with
   * legacy's {@code answer} as it is compared: headers canonical as the HTTP runner makes them.
   */
  static Mirrored of(
      Suite suite,
      String id,
      HttpExchange exchange,
      String pathAndQuery,
      String body,
      LegacyExchange.Answer answer) {
    String group = RouteGroups.of(exchange.getRequestURI().getRawPath());
    Map<String, String> headers = new LinkedHashMap<>();
    LegacyExchange.forwardable(exchange.getRequestHeaders())
        .forEach((name, values) -> headers.put(name, String.join(", ", values)));
    HttpRequest request =
        new HttpRequest(
            exchange.getRequestMethod(),
            pathAndQuery,
            Map.of(),
            headers,
            body.isEmpty() ? Optional.empty() : Optional.of(RequestBody.text(body)));
    HttpCase testCase =
        new HttpCase(
            id,
            suite.folder().resolve(SuiteLoader.SUITE_FILE),
            request,
            Optional.empty(),
            List.of(group),
            List.of());
    Observation observed =
        Observation.ofHttp(
            answer.status(),
            HttpResponses.canonicalHeaders(answer.headers(), suite.http()),
            answer.body().orElseThrow(),
            answer.duration());
    return new Mirrored(testCase, group, observed);
  }
}
