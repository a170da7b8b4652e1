package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NormalizersTests {
  @Test
  void everyKindOfRuleActionHasItsNormalizer() {
    List<RuleAction> oneOfEach =
        List.of(
            new RuleAction.Regex(Pattern.compile("x"), "y", false),
            new RuleAction.Builtin("uuids"),
            new RuleAction.Text("lineEndings"),
            new RuleAction.Json(true, List.of(), List.of(), Optional.empty(), false),
            new RuleAction.Headers(List.of("date")),
            new RuleAction.Html(List.of("script")));

    // One sample per permitted kind: a new kind of action must be added here, and to the visitor.
    assertThat(oneOfEach.stream().map(Object::getClass))
        .containsExactlyInAnyOrder(RuleAction.class.getPermittedSubclasses());
    assertThat(oneOfEach.stream().map(action -> Normalizers.of(action).getClass().getSimpleName()))
        .containsExactly(
            "RegexNormalizer",
            "GroupNormalizer",
            "TextNormalizer",
            "JsonNormalizer",
            "HeadersNormalizer",
            "HtmlNormalizer");
  }
}
