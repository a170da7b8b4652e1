package dev.parity.normalize;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code regex:} rules: each match is replaced, {@code <name>} placeholders numbered by the matched
 * text.
 */
record RegexNormalizer(Pattern pattern, String replace, boolean numbered) implements Normalizer {
  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z][A-Za-z0-9_-]*)>");

  @Override
  public String normalize(String text, Scope scope) {
    return MatchReplacer.replaceAll(pattern, text, scope, match -> replacement(match, scope));
  }

  private Optional<String> replacement(MatchResult match, Scope scope) {
    // An empty match replaces nothing: `x*` must not insert the replacement between characters.
    if (match.end() == match.start()) {
      return Optional.empty();
    }
    return Optional.of(numbered ? number(replace, match.group(), scope) : replace);
  }

  private static String number(String replace, String value, Scope scope) {
    Matcher names = PLACEHOLDER.matcher(replace);
    StringBuilder out = new StringBuilder();
    while (names.find()) {
      names.appendReplacement(
          out, Matcher.quoteReplacement(scope.placeholder(names.group(1), value)));
    }
    names.appendTail(out);
    return out.toString();
  }
}
