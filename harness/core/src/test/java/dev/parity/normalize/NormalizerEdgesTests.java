package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The edges of the text and JSON rules: text they leave alone, and what facts say of JSON. */
class NormalizerEdgesTests {
  private static String text(String name, String input) {
    return Normalizers.of(new RuleAction.Text(name)).normalize(input, new Scope());
  }

  private static String describe(String json) {
    return JsonDocuments.parse(json).orElseThrow().describe();
  }

  @Test
  void textRulesLeaveTextTheyHaveNothingToDoOnAsItIs() {
    assertThat(text("sortLines", "a\nb\n")).isEqualTo("a\nb\n");
    assertThat(text("sortLines", "\n")).isEqualTo("\n");
    assertThat(text("trailingWhitespace", "a b\n")).isEqualTo("a b\n");
  }

  @Test
  void trailingWhitespaceRemovesATextOfOnlySpaces() {
    assertThat(text("trailingWhitespace", " \t ")).isEmpty();
  }

  @Test
  void aJsonRuleLeavesBlankTextAsItIs() {
    Normalizer json =
        Normalizers.of(new RuleAction.Json(true, List.of(), List.of(), Optional.empty(), false));

    assertThat(json.normalize(" \n", new Scope())).isEqualTo(" \n");
  }

  @Test
  void factsNameTheKindOfTheJsonValue() {
    assertThat(describe("{\"a\":1}")).isEqualTo("one JSON document (an object)");
    assertThat(describe("[1]")).isEqualTo("one JSON document (an array)");
    assertThat(describe("\"x\"")).isEqualTo("one JSON document (a string)");
    assertThat(describe("true")).isEqualTo("one JSON document (a boolean)");
    assertThat(describe("null")).isEqualTo("one JSON document (a null)");
    assertThat(describe("1.5")).isEqualTo("one JSON document (a number)");
    assertThat(describe("{\"a\":1}\n{\"a\":2}\n")).isEqualTo("JSON Lines (2 values)");
  }

  @Test
  void aPipelineTellsWhetherItHasRules() {
    assertThat(new Pipeline(List.of()).isEmpty()).isTrue();
    assertThat(new Pipeline(List.of()).rules()).isEmpty();
  }
}
