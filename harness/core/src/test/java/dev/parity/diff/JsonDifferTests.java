package dev.parity.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDifferTests {
  private final JsonDiffer differ = new JsonDiffer();

  @Test
  void listsAddedRemovedAndChangedPathsWithBothValues() {
    List<JsonChange> changes =
        differ
            .diff(
                "stdout",
                "{\"a\":1,\"items\":[{\"id\":1,\"n\":\"x\"}],\"gone\":true,\"k/e~y\":0}",
                "{\"items\":[{\"n\":\"y\",\"id\":1},{\"id\":2}],\"a\":1.0,\"new\":null,\"k/e~y\":0}")
            .orElseThrow();
    assertThat(changes)
        .extracting(JsonChange::describe)
        .containsExactly(
            "/a changed: 1 -> 1.0",
            "/gone removed: true",
            "/items/0/n changed: \"x\" -> \"y\"",
            "/items/1 added: {\"id\":2}",
            "/new added: null");
    assertThat(changes.get(0).legacy()).contains("1");
    assertThat(changes.get(3).legacy()).isEmpty();
  }

  @Test
  void keyOrderAloneIsNoChange() {
    assertThat(differ.diff("body", "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}")).contains(List.of());
  }

  @Test
  void jsonLinesAreComparedValueByValue() {
    List<JsonChange> changes =
        differ
            .diff("stdout", "{\"n\":1}\n{\"n\":2}\n", "{\"n\":1}\n{\"n\":3}\n{\"n\":4}\n")
            .orElseThrow();
    assertThat(changes)
        .extracting(JsonChange::describe)
        .containsExactly("line 2: /n changed: 2 -> 3", "line 3: / added: {\"n\":4}");
  }

  @Test
  void aJsonLineOnlyTheLegacyHasIsRemovedAtItsLegacyLine() {
    List<JsonChange> changes =
        differ
            .diff("stdout", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", "{\"n\":1}\n{\"n\":2}\n")
            .orElseThrow();

    assertThat(changes)
        .extracting(JsonChange::describe)
        .containsExactly("line 3: / removed: {\"n\":3}");
  }

  @Test
  void stopsAtTheMaximumNumberOfChanges() {
    List<JsonChange> changes =
        new JsonDiffer(3).diff("stdout", "[1,1,1,1,1]", "[2,2,2,2,2]").orElseThrow();

    assertThat(changes).extracting(JsonChange::path).containsExactly("/0", "/1", "/2");
  }

  @Test
  void showsValuesUpTo200CharactersWhole() {
    String fits = "\"" + "x".repeat(198) + "\"";
    String tooLong = "\"" + "x".repeat(199) + "\"";

    List<JsonChange> changes =
        differ.diff("stdout", "[" + fits + "," + tooLong + "]", "[1,1]").orElseThrow();

    assertThat(changes.get(0).legacy()).contains(fits);
    assertThat(changes.get(1).legacy()).contains(tooLong.substring(0, 200) + "...");
  }

  @Test
  void plainTextAndScalarsAreNotStructuredJson() {
    assertThat(differ.diff("stdout", "hello", "{}")).isEmpty();
    assertThat(differ.diff("stdout", "42", "43")).isEmpty();
  }

  @Test
  void theComparatorStatesJsonPathsNextToTheTextDiff() {
    Observation legacy = observation("{\"total\":3,\"meta\":{\"v\":1}}\n");
    Observation candidate = observation("{\"total\":4,\"meta\":{\"v\":1}}\n");
    Comparison comparison =
        new ObservationComparator().compare(EnumSet.allOf(CompareTarget.class), legacy, candidate);
    assertThat(comparison.facts())
        .extracting(Fact::toString)
        .containsExactly(
            "stdout: 1 line removed, 1 line added (diff below)",
            "stdout: JSON differs at 1 path: /total changed: 3 -> 4");
    assertThat(comparison.jsonChanges())
        .singleElement()
        .extracting(JsonChange::path)
        .isEqualTo("/total");
    assertThat(comparison.unifiedDiff()).contains("-{\"total\":3");
  }

  private static Observation observation(String stdout) {
    return Observation.ofCommand(
        0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }
}
