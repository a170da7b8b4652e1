package dev.parity.cluster;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/** Mismatches from real comparisons of two observations, for the tests of this package. */
final class MismatchesForTests {
  private static final ObservationComparator COMPARATOR = new ObservationComparator();

  private MismatchesForTests() {}

  static Mismatch stdout(String id, String legacy, String candidate) {
    return command(id, 0, legacy, 0, candidate);
  }

  static Mismatch command(
      String id, int legacyExit, String legacy, int candidateExit, String candidate) {
    return of(
        id,
        Observation.ofCommand(legacyExit, bytes(legacy), new byte[0], Map.of(), Duration.ZERO),
        Observation.ofCommand(
            candidateExit, bytes(candidate), new byte[0], Map.of(), Duration.ZERO));
  }

  static Mismatch http(
      String id,
      int legacyStatus,
      String legacyHeaders,
      String legacyBody,
      int status,
      String headers,
      String body) {
    return of(
        id,
        Observation.ofHttp(legacyStatus, legacyHeaders, bytes(legacyBody), Duration.ZERO),
        Observation.ofHttp(status, headers, bytes(body), Duration.ZERO));
  }

  static Mismatch of(String id, Observation legacy, Observation candidate) {
    Comparison c = COMPARATOR.compare(EnumSet.allOf(CompareTarget.class), legacy, candidate);
    return new Mismatch(id, false, "differs", c.facts(), c.diffs(), c.jsonChanges());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
