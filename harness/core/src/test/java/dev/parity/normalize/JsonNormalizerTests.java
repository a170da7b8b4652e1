package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonNormalizerTests {

  private static Normalizer json(
      boolean sortKeys,
      List<String> ignore,
      List<String> unordered,
      String tolerance,
      boolean numeric) {
    return Normalizers.of(
        new RuleAction.Json(
            sortKeys,
            ignore,
            unordered,
            Optional.ofNullable(tolerance).map(BigDecimal::new),
            numeric));
  }

  private static String compact(String text) {
    return JsonDocuments.parse(text).orElseThrow().values().stream()
        .map(JsonDocuments::compact)
        .reduce((a, b) -> a + "\n" + b)
        .orElseThrow();
  }

  @Test
  void sortsKeysAtEveryLevel() {
    String out =
        json(true, List.of(), List.of(), null, false)
            .normalize("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}", new Scope());
    assertThat(compact(out)).isEqualTo("{\"a\":{\"c\":3,\"d\":2},\"b\":1}");
    assertThat(out).startsWith("{\n");
  }

  @Test
  void ignoresPointersWithWildcards() {
    Normalizer rule =
        json(false, List.of("/meta/generatedAt", "/items/*/id"), List.of(), null, false);
    Scope scope = new Scope();
    String out =
        rule.normalize(
            "{\"meta\":{\"generatedAt\":\"2026-11-22T04:31:07Z\",\"v\":1},\"items\":[{\"id\":7,\"n\":\"a\"},{\"id\":9,\"n\":\"b\"}]}",
            scope);
    assertThat(compact(out))
        .isEqualTo(
            "{\"meta\":{\"generatedAt\":\"<ignored>\",\"v\":1},\"items\":[{\"id\":\"<ignored>\",\"n\":\"a\"},{\"id\":\"<ignored>\",\"n\":\"b\"}]}");
    assertThat(scope.takeFired()).isEqualTo(3);
  }

  @Test
  void anIgnoredValueIsNotComparedButWhetherItIsThereIs() {
    Normalizer rule = json(true, List.of("/meta/generatedAt", "/tags/*"), List.of(), null, false);

    String legacy =
        rule.normalize("{\"meta\":{\"generatedAt\":1,\"v\":1},\"tags\":[1,2]}", new Scope());
    String changed =
        rule.normalize("{\"meta\":{\"generatedAt\":\"x\",\"v\":1},\"tags\":[3,4]}", new Scope());
    String missing = rule.normalize("{\"meta\":{\"v\":1},\"tags\":[1,2]}", new Scope());
    String shorter =
        rule.normalize("{\"meta\":{\"generatedAt\":1,\"v\":1},\"tags\":[1]}", new Scope());

    assertThat(changed).isEqualTo(legacy);
    assertThat(missing).as("a candidate that leaves the field out").isNotEqualTo(legacy);
    assertThat(shorter).as("an array of ignored elements keeps its length").isNotEqualTo(legacy);
  }

  @Test
  void aDroppedValueMayAlsoBeMissing() {
    Normalizer rule =
        Normalizers.of(
            new RuleAction.Json(
                true, List.of(), List.of(), Optional.empty(), false, List.of("/meta/debug")));
    Scope scope = new Scope();

    String legacy = rule.normalize("{\"meta\":{\"debug\":{\"ms\":3},\"v\":1}}", scope);
    String missing = rule.normalize("{\"meta\":{\"v\":1}}", new Scope());

    assertThat(compact(legacy)).isEqualTo("{\"meta\":{\"v\":1}}").isEqualTo(compact(missing));
    assertThat(scope.takeFired()).isEqualTo(1);
  }

  @Test
  void escapedPointerSegmentsMatchKeysWithSlashes() {
    String out =
        json(true, List.of("/a~1b"), List.of(), null, false)
            .normalize("{\"a/b\":1,\"c\":2}", new Scope());
    assertThat(compact(out)).isEqualTo("{\"a/b\":\"<ignored>\",\"c\":2}");
  }

  @Test
  void unorderedArraysAreSortedOnlyWhereNamed() {
    Normalizer rule = json(true, List.of(), List.of("/tags", "/groups/*/members"), null, false);
    String a =
        rule.normalize(
            "{\"tags\":[\"b\",\"a\"],\"order\":[2,1],\"groups\":[{\"members\":[{\"n\":2},{\"n\":1}]}]}",
            new Scope());
    assertThat(compact(a))
        .isEqualTo(
            "{\"groups\":[{\"members\":[{\"n\":1},{\"n\":2}]}],\"order\":[2,1],\"tags\":[\"a\",\"b\"]}");
  }

  @Test
  void sortsKeysOfObjectsInsideArraysAndCountsEachReorderedObject() {
    Scope scope = new Scope();

    String out =
        json(true, List.of(), List.of(), null, false)
            .normalize("{\"rows\":[{\"b\":1,\"a\":2},[{\"d\":1,\"c\":2}],{\"e\":3}]}", scope);

    assertThat(compact(out))
        .isEqualTo("{\"rows\":[{\"a\":2,\"b\":1},[{\"c\":2,\"d\":1}],{\"e\":3}]}");
    assertThat(scope.takeFired()).isEqualTo(2);
  }

  @Test
  void sortsKeysOfObjectsInATopLevelArray() {
    String out =
        json(true, List.of(), List.of(), null, false).normalize("[{\"b\":1,\"a\":2}]", new Scope());

    assertThat(compact(out)).isEqualTo("[{\"a\":2,\"b\":1}]");
  }

  @Test
  void oneEqualsOnePointZeroOnlyWhenAsked() {
    Normalizer strict = json(true, List.of(), List.of(), null, false);
    Normalizer numeric = json(true, List.of(), List.of(), null, true);
    assertThat(strict.normalize("{\"n\":1.0}", new Scope()))
        .isNotEqualTo(strict.normalize("{\"n\":1}", new Scope()));
    assertThat(numeric.normalize("{\"n\":1.0,\"m\":[2.50,1e2]}", new Scope()))
        .isEqualTo(numeric.normalize("{\"n\":1,\"m\":[2.5,100]}", new Scope()));
  }

  @Test
  void toleranceMakesCloseCandidateNumbersEqual() {
    Normalizer rule = json(true, List.of(), List.of(), "0.01", false);
    Scope scope = new Scope();
    String legacy = rule.normalize("{\"avg\":71.333,\"max\":90,\"list\":[1.0,2.0]}", scope);
    String candidate =
        rule.normalize("{\"avg\":71.3333333,\"max\":91,\"list\":[1.001,2.0]}", scope);
    Normalizer.Pair pair = rule.reconcile(new Normalizer.Pair(legacy, candidate), scope);
    assertThat(compact(pair.candidate()))
        .isEqualTo("{\"avg\":71.333,\"list\":[1.0,2.0],\"max\":91}");
    assertThat(pair.legacy()).isEqualTo(legacy);
  }

  @Test
  void countsEachChangeItMakes() {
    Scope numbers = new Scope();
    json(false, List.of(), List.of(), null, true).normalize("{\"n\":1.0,\"m\":[2.50,3]}", numbers);
    Scope arrays = new Scope();
    json(false, List.of(), List.of("/a", "/b"), null, false)
        .normalize("{\"a\":[2,1],\"b\":[1,2]}", arrays);
    Scope renderedOnly = new Scope();
    json(false, List.of(), List.of(), null, false).normalize("{\"a\":1}", renderedOnly);
    Scope canonical = new Scope();
    Normalizer rule = json(true, List.of(), List.of(), null, false);
    String once = rule.normalize("{\"b\":1,\"a\":2}", new Scope());
    rule.normalize(once, canonical);

    assertThat(numbers.takeFired()).as("1.0 and 2.50").isEqualTo(2);
    assertThat(arrays.takeFired()).as("only /a was out of order").isEqualTo(1);
    assertThat(renderedOnly.takeFired()).as("only the layout changed").isEqualTo(1);
    assertThat(canonical.takeFired()).as("already canonical").isZero();
  }

  @Test
  void toleranceCountsEachNumberItReplacesAndKeepsExtraCandidateLines() {
    Normalizer rule = json(false, List.of(), List.of(), "0.01", false);
    Scope scope = new Scope();

    Normalizer.Pair pair =
        rule.reconcile(
            new Normalizer.Pair(
                "{\"a\":1.0,\"b\":[5]}\n{\"c\":2}\n",
                "{\"a\":1.001,\"b\":[5.001]}\n{\"c\":2.001}\n{\"c\":7}\n"),
            scope);

    assertThat(pair.candidate()).isEqualTo("{\"a\":1.0,\"b\":[5]}\n{\"c\":2}\n{\"c\":7}\n");
    assertThat(scope.takeFired()).isEqualTo(3);
  }

  @Test
  void handlesJsonLinesAndConcatenatedValues() {
    Normalizer rule = json(true, List.of("/id"), List.of(), null, false);
    String lines = rule.normalize("{\"id\":1,\"b\":2,\"a\":1}\n{\"id\":2,\"a\":3}\n", new Scope());
    String concatenated =
        rule.normalize("{\"a\":1,\"b\":2,\"id\":9} {\"a\":3, \"id\":8}", new Scope());
    assertThat(lines)
        .isEqualTo("{\"a\":1,\"b\":2,\"id\":\"<ignored>\"}\n{\"a\":3,\"id\":\"<ignored>\"}\n")
        .isEqualTo(concatenated);
  }

  @Test
  void invalidJsonIsLeftAloneWithANote() {
    Scope scope = new Scope();
    String text = "total: 3 persons\n";
    assertThat(json(true, List.of(), List.of(), null, false).normalize(text, scope))
        .isEqualTo(text);
    assertThat(scope.takeNotes())
        .singleElement()
        .asString()
        .startsWith("not valid JSON (")
        .endsWith("the json rule was skipped and the text compared as is");
  }
}
