package dev.parity.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Rule;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RuleSuggesterTests {
  private final RuleSuggester suggester = new RuleSuggester();

  private static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  private List<Rule> suggest(String a, String b) {
    List<Rule> rules = suggester.suggest(stdout(a), stdout(b), s -> true);
    assertThat(RuleSuggester.covers(rules, stdout(a), stdout(b)))
        .as("suggested rules cover the noise")
        .isTrue();
    return rules;
  }

  @Test
  void suggestsJsonPointersWithWildcardsForRepeatedArrayFields() {
    List<Rule> rules =
        suggest(
            "{\"meta\":{\"at\":\"x1\"},\"items\":[{\"id\":\"a\",\"n\":1},{\"id\":\"b\",\"n\":2}],\"total\":2}",
            "{\"meta\":{\"at\":\"x2\"},\"items\":[{\"id\":\"c\",\"n\":1},{\"id\":\"d\",\"n\":2}],\"total\":2}");
    assertThat(rules)
        .extracting(Rule::label)
        .containsExactly("json: sortKeys ignore [/items/*/id, /meta/at]");
    assertThat(Suggestions.yaml(rules.get(0), rules.get(0).streams(), "random ids"))
        .isEqualTo(
            "- json:\n    ignore: ['/items/*/id', '/meta/at']\n  streams: ['stdout']\n  reason: 'random ids'\n");
  }

  @Test
  void prefersABuiltinWhenOneExplainsTheDifference() {
    List<Rule> rules =
        suggest("run at 2026-11-22T04:31:07Z\nok\n", "run at 2026-11-22T04:31:09Z\nok\n");
    assertThat(rules).extracting(Rule::label).containsExactly("builtin: timestamps");
  }

  @Test
  void suggestsARegexOverTheDifferingTokenAnchoredOnItsPrefix() {
    List<Rule> rules = suggest("token=kq7zt2mw user=ann\n", "token=x3pr9vhn user=ann\n");
    assertThat(rules).extracting(Rule::label).containsExactly("regex: 'token=[0-9a-z]{8}'");
    assertThat(Suggestions.yaml(rules.get(0), List.of("stdout"), "it's random"))
        .isEqualTo(
            "- regex: 'token=[0-9a-z]{8}'\n  replace: 'token=<token>'\n  streams: ['stdout']\n  reason: 'it''s random'\n");
  }

  @Test
  void combinesBuiltinsAndRegexesAndSkipsEqualStreams() {
    List<Rule> rules =
        suggest(
            "started 2026-11-22T04:31:07.120Z\nsession: QWERTY-12\nresult 42\n",
            "started 2026-11-22T04:31:08.991Z\nsession: ZXCVBN-98\nresult 42\n");
    assertThat(rules)
        .extracting(Rule::label)
        .containsExactly("builtin: timestamps", "regex: 'session: [0-9A-Z\\-]{9}'");
  }

  // Bounded means it returns: quadratic work here would take hours, a second is usual. A separate
  // thread, so the test fails at the timeout even if the suggester never checks for interrupts.
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void staysBoundedOnLargeOutputsWhereEveryLineDiffers() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      a.append("row ")
          .append(i)
          .append(" seq=")
          .append(Integer.toString(i * 7919 % 100_000 + 100_000, 36))
          .append('\n');
      b.append("row ")
          .append(i)
          .append(" seq=")
          .append(Integer.toString(i * 104_729 % 100_000 + 100_000, 36))
          .append('\n');
    }
    b.append("extra line\n");
    List<Rule> rules = suggester.suggest(stdout(a.toString()), stdout(b.toString()), s -> true);
    assertThat(rules).hasSizeLessThanOrEqualTo(10).isNotEmpty();
  }

  @Test
  void suggestsNothingForStreamsThatAreNotCompared() {
    assertThat(suggester.suggest(stdout("a=1\n"), stdout("a=2\n"), s -> !s.equals("stdout")))
        .isEmpty();
  }
}
