package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RouteGroupsTests {
  /** The keys ci/nginx-map.py accepts in its map. */
  private static final Pattern NGINX_KEY = Pattern.compile("^[A-Za-z0-9._-]+$");

  @Test
  void theGroupIsTheFirstPathSegmentAsNginxRoutesIt() {
    assertThat(RouteGroups.of("/search/people?q=x")).isEqualTo("search");
    assertThat(RouteGroups.of("/api")).isEqualTo("api");
    assertThat(RouteGroups.of("/api?x=/y")).isEqualTo("api");
    assertThat(RouteGroups.of("/v1.2_beta-x/items/3")).isEqualTo("v1.2_beta-x");
  }

  @Test
  void theRootAndCharactersNoNginxKeyHoldsAreNamed() {
    assertThat(RouteGroups.of("/")).isEqualTo(RouteGroups.ROOT);
    assertThat(RouteGroups.of("//x")).isEqualTo(RouteGroups.ROOT);
    assertThat(RouteGroups.of("/?q=1")).isEqualTo(RouteGroups.ROOT);
    assertThat(RouteGroups.of("/caf%C3%A9 x;y/1")).isEqualTo("caf_C3_A9_x_y");
    assertThat(RouteGroups.of("/" + "a".repeat(500))).hasSize(64).matches(NGINX_KEY);
  }
}
