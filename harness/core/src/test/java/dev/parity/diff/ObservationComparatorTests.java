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

class ObservationComparatorTests {
  private static final Set<CompareTarget> ALL = EnumSet.allOf(CompareTarget.class);
  private final ObservationComparator comparator = new ObservationComparator();

  @Test
  void identicalObservationsHaveNoFacts() {
    Comparison comparison =
        comparator.compare(ALL, command(0, "same\n", ""), command(0, "same\n", ""));

    assertThat(comparison.isIdentical()).isTrue();
  }

  @Test
  void statesExitCodeAndStreamDifferencesAsFacts() {
    Comparison comparison =
        comparator.compare(ALL, command(0, "a\nb\n", ""), command(1, "a\nc\n", "boom\n"));

    assertThat(comparison.facts())
        .containsExactly(
            new Fact("exit code", "legacy 0, candidate 1"),
            new Fact("stderr", "0 lines removed, 1 line added (diff below)"),
            new Fact("stdout", "1 line removed, 1 line added (diff below)"));
    assertThat(comparison.diffs())
        .extracting(StreamDiff::stream)
        .containsExactly("stderr", "stdout");
    assertThat(comparison.unifiedDiff())
        .contains("--- legacy/stdout\n+++ candidate/stdout\n", "-b\n+c\n", "+boom\n");
  }

  @Test
  void comparesOnlyTheSelectedTargets() {
    Comparison comparison =
        comparator.compare(
            EnumSet.of(CompareTarget.STDOUT), command(0, "x", "e1"), command(2, "x", "e2"));

    assertThat(comparison.isIdentical()).isTrue();
  }

  @Test
  void reportsMissingAndExtraOutputFiles() {
    Observation legacy = command(0, "", "", Map.of("a.txt", utf8("aaa")));
    Observation candidate = command(0, "", "", Map.of("b.txt", utf8("b")));

    Comparison comparison = comparator.compare(ALL, legacy, candidate);

    assertThat(comparison.facts())
        .containsExactly(
            new Fact(
                "output file a.txt",
                "missing: the candidate did not write it (3 bytes on the legacy side)"),
            new Fact(
                "output file b.txt",
                "written by the candidate only (1 byte on the candidate side)"));
  }

  @Test
  void describesBinaryDifferencesWithOffsetAndHexView() {
    byte[] left = {0, 1, 2, 3, 4};
    byte[] right = {0, 1, 9, 3, 4, 5};
    Comparison comparison =
        comparator.compare(
            ALL,
            Observation.ofCommand(0, left, new byte[0], Map.of(), Duration.ZERO),
            Observation.ofCommand(0, right, new byte[0], Map.of(), Duration.ZERO));

    assertThat(comparison.facts())
        .containsExactly(
            new Fact(
                "stdout",
                "binary content differs: legacy 5 bytes, candidate 6 bytes, first difference at byte 2"));
    StreamDiff diff = comparison.diffs().get(0);
    assertThat(diff.kind()).isEqualTo(StreamDiff.Kind.BINARY);
    assertThat(diff.unified()).contains("-00000000  0001020304\n+00000000  000109030405\n");
  }

  @Test
  void saysOneByteInTheSingular() {
    Comparison comparison =
        comparator.compare(
            ALL,
            Observation.ofCommand(0, new byte[] {0}, new byte[0], Map.of(), Duration.ZERO),
            Observation.ofCommand(0, new byte[] {0, 1}, new byte[0], Map.of(), Duration.ZERO));

    assertThat(comparison.facts())
        .containsExactly(
            new Fact(
                "stdout",
                "binary content differs: legacy 1 byte, candidate 2 bytes, first difference at byte 1"));
  }

  @Test
  void showsInvalidUtf8WithReplacementCharactersAndSaysSo() {
    Observation legacy =
        Observation.ofCommand(
            0, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'}, new byte[0], Map.of(), Duration.ZERO);
    Observation candidate = command(0, "café\n", "");

    Comparison comparison = comparator.compare(ALL, legacy, candidate);

    assertThat(comparison.notes())
        .containsExactly(
            new Fact(
                "stdout",
                "not valid UTF-8 on the legacy side; shown with U+FFFD for invalid bytes, compared byte for byte"));
    assertThat(comparison.unifiedDiff()).contains("-caf\uFFFD\n+café\n");
  }

  @Test
  void invalidBytesThatDecodeAlikeStillDiffer() {
    Observation legacy =
        Observation.ofCommand(
            0, new byte[] {'a', (byte) 0xff}, new byte[0], Map.of(), Duration.ZERO);
    Observation candidate =
        Observation.ofCommand(
            0, new byte[] {'a', (byte) 0xfe}, new byte[0], Map.of(), Duration.ZERO);

    Comparison comparison = comparator.compare(ALL, legacy, candidate);

    assertThat(comparison.isIdentical()).isFalse();
    assertThat(comparison.facts())
        .containsExactly(
            new Fact("stdout", "bytes differ at byte 1 although the decoded text is the same"));
  }

  @Test
  void aMissingFinalNewlineIsADifference() {
    Comparison comparison = comparator.compare(ALL, command(0, "a\n", ""), command(0, "a", ""));

    assertThat(comparison.unifiedDiff()).contains("-a\n+a\n\\ No newline at end of file\n");
  }
}
