package dev.parity.normalize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code regex:} rules: each match is replaced, {@code <name>} placeholders numbered by the matched
 * text.
 */
final class RegexNormalizer implements Normalizer {
  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z][A-Za-z0-9_-]*)>");

  private final Pattern pattern;
  private final String replace;
  private final boolean numbered;

  RegexNormalizer(Pattern pattern, String replace, boolean numbered) {
    this.pattern = pattern;
    this.replace = replace;
    this.numbered = numbered;
  }

  @Override
  public String normalize(String text, Scope scope) {
    // An empty match replaces nothing: `x*` must not insert the replacement between characters.
    return MatchReplacer.replaceAll(
        pattern,
        text,
        scope,
        match ->
            match.end() == match.start()
                ? Optional.empty()
                : Optional.of(numbered ? number(replace, match.group(), scope) : replace));
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
