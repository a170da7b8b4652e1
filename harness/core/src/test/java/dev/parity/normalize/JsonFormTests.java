package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.JsonDiffer;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.testing.Observations;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stream is one JSON document or JSON Lines, never confused; pointers follow RFC 6901. */
class JsonFormTests {

  private static Rule json(List<String> ignore) {
    return Rule.of(
        new RuleAction.Json(true, ignore, List.of(), Optional.empty(), false), List.of("stdout"));
  }

  private static Comparison compare(Rule rule, String legacy, String candidate) {
    Pipeline.Result normalized =
        new Pipeline(List.of(rule))
            .apply(Observations.command(0, legacy, ""), Observations.command(0, candidate, ""));
    return new ObservationComparator()
        .compare(EnumSet.allOf(CompareTarget.class), normalized.legacy(), normalized.candidate());
  }

  @Test
  void aTopLevelArrayIsOneDocumentNotJsonLines() {
    JsonText array = JsonDocuments.parse("[{\"id\":1},{\"id\":2}]").orElseThrow();
    JsonText lines = JsonDocuments.parse("{\"id\":1}\n{\"id\":2}\n").orElseThrow();

    assertThat(array.form()).isEqualTo(JsonText.Form.DOCUMENT);
    assertThat(array.values()).hasSize(1);
    assertThat(lines.form()).isEqualTo(JsonText.Form.LINES);
    assertThat(lines.values()).hasSize(2);
    assertThat(lines.lines()).containsExactly(1, 2);
  }

  @Test
  void anArrayAndJsonLinesOfItsElementsDifferAndTheFactsSayWhichIsWhich() {
    Comparison comparison =
        compare(json(List.of()), "[{\"id\":1},{\"id\":2}]\n", "{\"id\":1}\n{\"id\":2}\n");

    assertThat(comparison.isIdentical()).isFalse();
    assertThat(comparison.facts())
        .extracting(Fact::toString)
        .contains(
            "stdout: legacy is one JSON document (an array), candidate is JSON Lines (2 values)");
  }

  @Test
  void pointersIntoATopLevelArrayFollowRfc6901() {
    Comparison comparison =
        compare(
            json(List.of()),
            "[{\"children\":[]},{\"children\":[]},{\"children\":[]}]",
            "[{\"children\":[]},{\"children\":[]},{\"children\":null}]");

    assertThat(comparison.facts())
        .extracting(Fact::toString)
        .contains("stdout: JSON differs at 1 path: /2/children changed: [] -> null");
    assertThat(comparison.jsonChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("/2/children");
              assertThat(c.document()).isZero();
              assertThat(c.line()).isZero();
            });
  }

  @Test
  void wildcardPointersApplyToTheElementsOfAnArrayBodyAndRootKeysDoNot() {
    String legacy = "[{\"id\":1,\"t\":\"10:00\"},{\"id\":2,\"t\":\"10:01\"}]";
    String candidate = "[{\"id\":1,\"t\":\"11:00\"},{\"id\":2,\"t\":\"11:05\"}]";

    assertThat(compare(json(List.of("/*/t")), legacy, candidate).isIdentical()).isTrue();
    assertThat(compare(json(List.of("/t")), legacy, candidate).isIdentical()).isFalse();
  }

  @Test
  void jsonLinesChangesAreAddressedByLineThenPointer() {
    Comparison comparison =
        compare(json(List.of()), "{\"n\":1}\n{\"n\":2}\n", "{\"n\":1}\n{\"n\":3}\n");

    assertThat(comparison.facts())
        .extracting(Fact::toString)
        .contains("stdout: JSON Lines differ at 1 path: line 2: /n changed: 2 -> 3");
    assertThat(comparison.jsonChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.document()).isEqualTo(1);
              assertThat(c.line()).isEqualTo(2);
              assertThat(c.path()).isEqualTo("/n");
            });
  }

  @Test
  void valuesWrittenOnOneLineAreAddressedByLineAndPosition() {
    Comparison comparison = compare(json(List.of()), "{\"n\":1} {\"n\":2}", "{\"n\":1} {\"n\":3}");

    // The json rule writes JSON Lines one value per line, so the normalized line is 2.
    assertThat(comparison.jsonChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.line()).isEqualTo(2));
    Optional<JsonText> raw = JsonDocuments.parse("{\"n\":1} {\"n\":2}");
    assertThat(raw.orElseThrow().lines()).containsExactly(1, 1);
    assertThat(
            new JsonDiffer()
                .diff("stdout", "{\"n\":1} {\"n\":2}", "{\"n\":1} {\"n\":3}")
                .orElseThrow())
        .singleElement()
        .extracting(JsonChange::where)
        .isEqualTo("line 1, value 2: /n");
  }

  @Test
  void duplicateKeysAreNotJsonAndTheTextIsComparedAsIs() {
    Scope scope = new Scope();
    String text = "{\"a\":1,\"a\":2}\n";

    assertThat(JsonDocuments.parse(text)).isEmpty();
    assertThat(
            Normalizers.of(new RuleAction.Json(true, List.of(), List.of(), Optional.empty(), false))
                .normalize(text, scope))
        .isEqualTo(text);
    assertThat(scope.takeNotes()).singleElement().asString().contains("Duplicate field 'a'");
    // Merging would have made these two equal.
    assertThat(compare(json(List.of()), "{\"a\":1,\"a\":2}", "{\"a\":2}").isIdentical()).isFalse();
  }

  @Test
  void aLoneSurrogateIsNotJsonAndTheTextIsComparedAsIs() {
    Scope scope = new Scope();
    String text = "[\"\\ud800\"]";

    assertThat(JsonDocuments.parse(text)).isEmpty();
    assertThat(JsonDocuments.parse("{\"\\udc00\":1}")).isEmpty();
    assertThat(
            Normalizers.of(new RuleAction.Json(true, List.of(), List.of(), Optional.empty(), false))
                .normalize(text, scope))
        .isEqualTo(text);
    assertThat(scope.takeNotes())
        .singleElement()
        .asString()
        .contains("a string holds a lone surrogate \\ud800, which UTF-8 cannot hold");
    // Written back as UTF-8, every lone surrogate was a '?': these were equal.
    assertThat(compare(json(List.of()), text, "[\"?\"]").isIdentical()).isFalse();
    assertThat(compare(json(List.of()), text, "[\"\\udfff\"]").isIdentical()).isFalse();
    assertThat(compare(json(List.of()), "{\"\\ud800\":1}", "{\"?\":1}").isIdentical()).isFalse();
    // A pair written as two escapes is the one character it stands for.
    assertThat(JsonDocuments.parse("[\"\\ud83d\\ude00\"]")).isPresent();
    assertThat(compare(json(List.of()), "[\"\\ud83d\\ude00\"]", "[\"\uD83D\uDE00\"]").isIdentical())
        .isTrue();
  }

  @Test
  void trailingTextAfterTheLastValueIsNotJson() {
    assertThat(JsonDocuments.parse("{\"a\":1} trailing")).isEmpty();
    assertThat(JsonDocuments.parse("{\"a\":1}]")).isEmpty();
    assertThat(JsonDocuments.parse("[1,2]\n,")).isEmpty();
    assertThat(compare(json(List.of()), "{\"a\":1} x", "{\"a\":1} y").isIdentical()).isFalse();
  }

  @Test
  void oneValuePrintedAsJsonLinesEqualsTheSameDocument() {
    // One value is one document whatever its layout; the json rule makes the layout irrelevant.
    assertThat(compare(json(List.of()), "{\"a\": 1}", "{\"a\":1}\n").isIdentical()).isTrue();
  }
}
