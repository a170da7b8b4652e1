package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpComparisonTests {
  private final ObservationComparator comparator = new ObservationComparator();

  private static Observation response(int status, String headers, byte[] body) {
    return Observation.ofHttp(status, headers, body, Duration.ZERO);
  }

  @Test
  void statesStatusHeaderAndBodyDifferences() {
    Comparison comparison =
        comparator.compare(
            EnumSet.allOf(CompareTarget.class),
            response(
                200,
                "content-type: application/json\n",
                "{\"a\":[]}\n".getBytes(StandardCharsets.UTF_8)),
            response(
                500,
                "content-type: text/plain\n",
                "{\"a\":null}\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(comparison.facts())
        .containsExactly(
            new Fact("status", "legacy 200, candidate 500"),
            new Fact("body", "1 line removed, 1 line added (diff below)"),
            new Fact("body", "JSON differs at 1 path: /a changed: [] -> null"),
            new Fact("headers", "1 line removed, 1 line added (diff below)"));
    assertThat(comparison.unifiedDiff())
        .contains(
            "-content-type: application/json",
            "+content-type: text/plain",
            "-{\"a\":[]}",
            "+{\"a\":null}");
  }

  @Test
  void comparesBinaryBodiesByteForByte() {
    byte[] legacy = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    byte[] candidate = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 9, 3};

    Comparison comparison =
        comparator.compare(
            EnumSet.allOf(CompareTarget.class),
            response(200, "", legacy),
            response(200, "", candidate));

    assertThat(comparison.facts())
        .containsExactly(
            new Fact(
                "body",
                "binary content differs: legacy 8 bytes, candidate 8 bytes, first difference at byte 6"));
  }

  @Test
  void comparesOnlyTheChosenTargets() {
    Observation legacy = response(200, "x-a: 1\n", "same".getBytes(StandardCharsets.UTF_8));
    Observation candidate = response(404, "x-a: 2\n", "same".getBytes(StandardCharsets.UTF_8));

    assertThat(comparator.compare(Set.of(CompareTarget.BODY), legacy, candidate).isIdentical())
        .isTrue();
    assertThat(comparator.compare(Set.of(CompareTarget.STATUS), legacy, candidate).facts())
        .containsExactly(new Fact("status", "legacy 200, candidate 404"));
  }
}
