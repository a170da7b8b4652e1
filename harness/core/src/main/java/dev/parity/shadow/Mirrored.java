package dev.parity.shadow;

import dev.parity.fixture.HttpCase;
import dev.parity.run.Observation;
import java.util.Objects;

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
}
