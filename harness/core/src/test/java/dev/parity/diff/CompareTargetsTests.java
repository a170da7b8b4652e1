package dev.parity.diff;

import static dev.parity.testing.Observations.command;
import static dev.parity.testing.Observations.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each part of an observation is compared exactly when its target is selected. */
class CompareTargetsTests {
  private final ObservationComparator comparator = new ObservationComparator();

  private static Observation response(int status, String headers, String body) {
    return Observation.ofHttp(status, headers, utf8(body), Duration.ZERO);
  }

  private static Set<CompareTarget> allBut(CompareTarget left) {
    Set<CompareTarget> targets = EnumSet.allOf(CompareTarget.class);
    targets.remove(left);
    return targets;
  }

  private final Observation legacyResponse = response(200, "a: 1\n", "x\n");
  private final Observation candidateResponse = response(500, "a: 2\n", "y\n");
  private final Observation legacyCommand =
      command(0, "out\n", "err\n", Map.of("f.txt", utf8("one\n")));
  private final Observation candidateCommand =
      command(1, "OUT\n", "ERR\n", Map.of("f.txt", utf8("two\n")));

  @Test
  void everyPartDiffersWhenEveryTargetIsSelected() {
    Set<CompareTarget> all = EnumSet.allOf(CompareTarget.class);

    assertThat(comparator.compare(all, legacyResponse, candidateResponse).facts())
        .extracting(Fact::key)
        .containsExactly("status", "body", "headers");
    assertThat(comparator.compare(all, legacyCommand, candidateCommand).facts())
        .extracting(Fact::key)
        .containsExactly("exit code", "output file f.txt", "stderr", "stdout");
  }

  @Test
  void aPartWhoseTargetIsLeftOutIsNotCompared() {
    assertThat(
            comparator
                .compare(allBut(CompareTarget.STATUS), legacyResponse, candidateResponse)
                .facts())
        .extracting(Fact::key)
        .containsExactly("body", "headers");
    assertThat(
            comparator
                .compare(allBut(CompareTarget.HEADERS), legacyResponse, candidateResponse)
                .facts())
        .extracting(Fact::key)
        .containsExactly("status", "body");
    assertThat(
            comparator
                .compare(allBut(CompareTarget.BODY), legacyResponse, candidateResponse)
                .facts())
        .extracting(Fact::key)
        .containsExactly("status", "headers");
    assertThat(
            comparator
                .compare(allBut(CompareTarget.STDERR), legacyCommand, candidateCommand)
                .facts())
        .extracting(Fact::key)
        .containsExactly("exit code", "output file f.txt", "stdout");
    assertThat(
            comparator
                .compare(allBut(CompareTarget.FILES), legacyCommand, candidateCommand)
                .facts())
        .extracting(Fact::key)
        .containsExactly("exit code", "stderr", "stdout");
    assertThat(
            comparator
                .compare(allBut(CompareTarget.EXIT_CODE), legacyCommand, candidateCommand)
                .facts())
        .extracting(Fact::key)
        .containsExactly("output file f.txt", "stderr", "stdout");
  }
}
