package dev.parity.normalize;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one find / replace / count loop of the rules built on a regex: every replaced match counts as
 * one firing of the rule, and text with no replaced match is returned as it was.
 */
final class MatchReplacer {
  private MatchReplacer() {}

  /**
   * {@code text} with each match of {@code pattern} replaced by what {@code replacement} gives for
   * it, in {@link Matcher#appendReplacement} syntax ({@code $1} refers to a group; quote literal
   * text with {@link Matcher#quoteReplacement}); a match it gives nothing for stays. The matcher
   * reads the text through {@link Scope#chars}, so the rule's deadline holds.
   */
  static String replaceAll(
      Pattern pattern,
      String text,
      Scope scope,
      Function<MatchResult, Optional<String>> replacement) {
    Matcher matcher = pattern.matcher(scope.chars(text));
    StringBuilder out = new StringBuilder();
    int count = 0;
    while (matcher.find()) {
      Optional<String> with = replacement.apply(matcher);
      if (with.isPresent()) {
        matcher.appendReplacement(out, with.get());
        count++;
      }
    }
    if (count == 0) {
      return text;
    }
    matcher.appendTail(out);
    scope.fired(count);
    return out.toString();
  }
}
