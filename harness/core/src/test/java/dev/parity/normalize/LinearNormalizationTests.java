package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.testing.Observations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule is linear in its input: each runs on 10 MB lines built to make backtracking regexes
 * quadratic (the old trailingWhitespace took 73 s on 60,000 spaces; pids 4 s on 20,000). Each takes
 * about a second here; the timeout is 60 times that so a loaded machine cannot make them flaky.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinearNormalizationTests {
  private static final int SIZE = 10 * 1024 * 1024;

  /**
   * One 10 MB line: {@code prefix}, then {@code unit} repeated, then a letter that ends no match.
   */
  private static String line(String prefix, String unit) {
    return prefix + unit.repeat((SIZE - prefix.length()) / unit.length()) + "x";
  }

  /** Per rule, the 10 MB line its pattern found hardest (for the old patterns: quadratic). */
  static Stream<Arguments> rulesAndHostileLines() {
    String spaces = line("", " ");
    return Stream.of(
        arguments("builtin: timestamps", Normalizers.builtin("timestamps"), line("", "1")),
        arguments("builtin: epochMillis", Normalizers.builtin("epochMillis"), line("", "1")),
        arguments("builtin: uuids", Normalizers.builtin("uuids"), line("", "a1")),
        arguments("builtin: hashes", Normalizers.builtin("hashes"), line("", "a1")),
        arguments("builtin: addresses", Normalizers.builtin("addresses"), line("x@", "a")),
        arguments("builtin: tempPaths", Normalizers.builtin("tempPaths"), line("/tmp/", "a.")),
        arguments("builtin: pids", Normalizers.builtin("pids"), line("pid", " ")),
        arguments("builtin: durations", Normalizers.builtin("durations"), line("", "1")),
        arguments("text: trailingWhitespace", text("trailingWhitespace"), spaces),
        arguments("text: lineEndings", text("lineEndings"), line("", "\r ")),
        arguments("text: blankLines", text("blankLines"), line("", " \t")),
        arguments("text: sortLines", text("sortLines"), line("b\na\n", " ")),
        arguments(
            "regex",
            Normalizers.regex(Pattern.compile("pid[ =]*+[0-9]+"), "pid <pid>", true),
            line("pid", " ")),
        arguments(
            "json",
            Normalizers.of(
                new RuleAction.Json(
                    true, List.of("/*/t"), List.of("/*"), Optional.of(BigDecimal.ONE), true)),
            "[{\"t\":1,\"s\":\""
                + line("", " ")
                + "\",\"n\":["
                + "2,1.50,".repeat(10_000)
                + "0]}]"),
        arguments("headers", Normalizers.of(new RuleAction.Headers(List.of("Date"))), spaces),
        arguments(
            "html",
            Normalizers.of(new RuleAction.Html(List.of("script"))),
            "<p>" + line("", "a  ") + "</p>"));
  }

  private static Normalizer text(String name) {
    return Normalizers.of(new RuleAction.Text(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAndHostileLines")
  void everyRuleIsLinearOnA10MegabyteLine(String rule, Normalizer normalizer, String text) {
    String out = normalizer.normalize(text, new Scope());

    assertThat(out.length()).as(rule).isPositive().isLessThanOrEqualTo(text.length() * 2);
  }

  @Test
  void trailingWhitespaceStillRemovesEveryTrailingRun() {
    Normalizer rule = text("trailingWhitespace");

    assertThat(rule.normalize(" ".repeat(200_000) + "\n a \t\r\nb\f\u000B", new Scope()))
        .isEqualTo("\n a\r\nb");
    assertThat(rule.normalize("a  b\n", new Scope())).isEqualTo("a  b\n");
  }

  @Test
  void aBacktrackingUserRegexStopsAtTheCaseTimeout() {
    Rule catastrophic =
        Rule.of(new RuleAction.Regex(Pattern.compile("a*a*a*b"), "<never>", true), List.of());
    Pipeline pipeline = new Pipeline(List.of(catastrophic)).within(Duration.ofMillis(200));
    String text = "a".repeat(100_000);

    assertThatThrownBy(
            () ->
                pipeline.apply(
                    Observations.command(0, text, ""), Observations.command(0, text, "")))
        .isInstanceOf(NormalizationTimeoutException.class)
        .hasMessageContaining("case timeout of 200 ms");
  }
}
