package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.SpooledStreamException;
import dev.parity.run.Observation;
import dev.parity.run.Spooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams kept on disk are compared byte for byte, never passed unread. */
class SpooledStreamsTests {
  @TempDir Path temp;

  private final ObservationComparator comparator = new ObservationComparator();

  private static final Set<CompareTarget> ALL = Set.of(CompareTarget.values());

  private static String text(int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString();
  }

  private Observation spooled(String name, String content) throws Exception {
    Path file = Files.writeString(temp.resolve(name), content);
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put(Observation.STDERR, new byte[0]);
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    spooled.put(Observation.STDOUT, new Spooled(file, Files.size(file)));
    return Observation.ofCommand(0, Optional.empty(), streams, spooled, Duration.ZERO);
  }

  private static Observation inMemory(String content) {
    return Observation.ofCommand(
        0, content.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  @Test
  void aStreamOnlyLegacyWroteIsMissingOnTheCandidateEvenWhenSpooled() throws Exception {
    Observation legacy = spooled("a", text(10));
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put(Observation.STDERR, new byte[0]);
    Observation candidate =
        Observation.ofCommand(0, Optional.empty(), streams, new TreeMap<>(), Duration.ZERO);

    // Before: "written by the candidate only (-1 bytes on the candidate side)".
    assertThat(comparator.compare(ALL, legacy, candidate).facts())
        .extracting(Fact::toString)
        .containsExactly(
            "stdout: missing: the candidate did not write it (70 bytes on the legacy side)");
    assertThat(comparator.compare(ALL, candidate, legacy).facts())
        .extracting(Fact::toString)
        .containsExactly("stdout: written by the candidate only (70 bytes on the candidate side)");
  }

  @Test
  void equalBytesOnDiskAndInMemoryAreIdentical() throws Exception {
    String text = text(50_000);

    assertThat(comparator.compare(ALL, spooled("a", text), spooled("b", text)).isIdentical())
        .isTrue();
    assertThat(comparator.compare(ALL, spooled("c", text), inMemory(text)).isIdentical()).isTrue();
  }

  @Test
  void oneDifferingLastByteFailsWithItsOffsetLineAndTheLinesAroundIt() throws Exception {
    String text = text(50_000);
    String other = text.substring(0, text.length() - 2) + "X\n";

    Comparison comparison = comparator.compare(ALL, spooled("a", text), spooled("b", other));

    assertThat(comparison.isIdentical()).isFalse();
    assertThat(comparison.facts())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "first difference at byte "
                            + (text.length() - 2)
                            + " (line 50000); legacy "
                            + text.length()
                            + " bytes, candidate "
                            + text.length()
                            + " bytes, compared byte for byte on disk"));
    assertThat(comparison.diffs().get(0).unified()).contains("-line 49999", "+line 4999X");
    assertThat(comparison.diffs().get(0).unified().length()).isLessThan(16 * 1024);
  }

  @Test
  void aShorterSideDiffersWhereItEnds() throws Exception {
    String text = text(1000);

    Comparison comparison =
        comparator.compare(ALL, spooled("a", text), inMemory(text.substring(0, 100)));

    assertThat(comparison.facts().get(0).message()).startsWith("first difference at byte 100 ");
  }

  @Test
  void aRuleOnASpooledStreamIsAnErrorNeverARawPass() throws Exception {
    Observation big = spooled("a", text(10));
    Pipeline pipeline =
        new Pipeline(List.of(Rule.of(new RuleAction.Builtin("uuids"), List.of("stdout"))));

    assertThatThrownBy(() -> pipeline.apply(big, big))
        .isInstanceOf(SpooledStreamException.class)
        .hasMessageContaining("applies to stdout")
        .hasMessageContaining("over the in-memory limit");
  }

  @Test
  void derivedObservationsKeepTheirSpooledStreams() throws Exception {
    Observation big = spooled("a", text(10));

    assertThat(big.withStreams(new TreeMap<>()).spooled()).isEqualTo(big.spooled());
    assertThat(big.sameContentAs(spooled("b", text(10)))).isTrue();
    assertThat(big.sameContentAs(spooled("c", text(11)))).isFalse();
    assertThat(big.sameContentAs(inMemory(text(10)))).isTrue();
    assertThat(big.sameContentAs(inMemory(text(9)))).isFalse();
  }
}
