package dev.parity.diff;

import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparatorFactsTests {
  private final ObservationComparator comparator = new ObservationComparator();

  private Comparison compare(Observation legacy, Observation candidate) {
    return comparator.compare(EnumSet.allOf(CompareTarget.class), legacy, candidate);
  }

  @Test
  void listsUpToFiveJsonPathsAndCountsTheRest() {
    Comparison five =
        compare(
            command(0, "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1}\n", ""),
            command(0, "{\"a\":2,\"b\":2,\"c\":2,\"d\":2,\"e\":2}\n", ""));
    Comparison six =
        compare(
            command(0, "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1}\n", ""),
            command(0, "{\"a\":2,\"b\":2,\"c\":2,\"d\":2,\"e\":2,\"f\":2}\n", ""));
    Comparison eight =
        compare(command(0, "[1,1,1,1,1,1,1,1]\n", ""), command(0, "[2,2,2,2,2,2,2,2]\n", ""));

    assertThat(five.facts())
        .contains(
            new Fact(
                "stdout",
                "JSON differs at 5 paths: /a changed: 1 -> 2; /b changed: 1 -> 2;"
                    + " /c changed: 1 -> 2; /d changed: 1 -> 2; /e changed: 1 -> 2"));
    assertThat(six.facts())
        .contains(
            new Fact(
                "stdout",
                "JSON differs at 6 paths: /a changed: 1 -> 2; /b changed: 1 -> 2;"
                    + " /c changed: 1 -> 2; /d changed: 1 -> 2; /e changed: 1 -> 2; ... 1 more"));
    assertThat(eight.facts()).last().asString().endsWith("/4 changed: 1 -> 2; ... 3 more");
  }

  @Test
  void aSignalOnOneSideOnlyIsStatedAgainstNone() {
    Observation exited =
        Observation.ofCommand(
            0, Optional.empty(), new byte[0], new byte[0], Map.of(), Duration.ZERO);
    Observation killed =
        Observation.ofCommand(
            137, Optional.of("SIGKILL"), new byte[0], new byte[0], Map.of(), Duration.ZERO);

    assertThat(compare(exited, killed).facts())
        .containsExactly(
            new Fact("exit code", "legacy 0, candidate 137"),
            new Fact("killed by signal", "legacy none, candidate SIGKILL"));
  }

  @Test
  void saysWhichSideIsNotValidUtf8() {
    Observation valid = command(0, "caf\u00e9\n", "");
    Observation invalid =
        Observation.ofCommand(
            0, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'}, new byte[0], Map.of(), Duration.ZERO);

    assertThat(compare(valid, invalid).notes())
        .containsExactly(
            new Fact(
                "stdout",
                "not valid UTF-8 on the candidate side; shown with U+FFFD for invalid bytes,"
                    + " compared byte for byte"));
  }
}
