package dev.parity.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The shadow's running verdict: a route group goes to the candidate only when every request of it
 * was compared and passed. Groups are what nginx routes (ci/nginx-map.py): a group decided
 * candidate sends all its requests there, the writes that were never compared included.
 */
class ShadowTallyTests {
  private static CaseResult passed(String id) {
    return CaseResult.builder(id, Status.PASS, "identical").build();
  }

  @Test
  void aGroupWhoseRequestsWereAllComparedAndPassedGoesToTheCandidate() {
    ShadowTally tally = new ShadowTally("web");
    tally.received("search", true, false);
    tally.add("search", passed("shadow/search/1"));

    Verdict verdict = tally.verdict(0, 0);

    assertThat(verdict.groups().get("search").decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verdict.decision()).isEqualTo(Decision.CANDIDATE);
  }

  @Test
  void aGroupWithRequestsThatWereNotComparedStaysOnLegacy() {
    ShadowTally tally = new ShadowTally("web");
    tally.received("orders", true, false);
    tally.add("orders", passed("shadow/orders/1"));
    tally.received("orders", false, false); // a POST, without http.allowSideEffects
    tally.received("search", true, false);
    tally.add("search", passed("shadow/search/1"));

    Verdict verdict = tally.verdict(0, 0);

    assertThat(verdict.groups().get("orders").decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.groups().get("orders").reasons())
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("1 requests of group orders were not compared")
                    .endsWith("would send it those requests unverified"));
    assertThat(verdict.groups().get("search").decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.reasons())
        .anySatisfy(r -> assertThat(r).startsWith("1 requests were not compared"));
  }

  @Test
  void aGroupWhoseRequestsWereNeverComparedIsInTheVerdictOnLegacy() {
    ShadowTally tally = new ShadowTally("web");
    tally.received("upload", false, false);
    tally.received("search", true, false);
    tally.add("search", passed("shadow/search/1"));

    Verdict verdict = tally.verdict(0, 0);

    assertThat(verdict.groups().get("upload").decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.groups().get("upload").counts().total()).isZero();
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
  }
}
