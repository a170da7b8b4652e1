package dev.parity.normalize;

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
    Matcher matcher = pattern.matcher(scope.chars(text));
    StringBuilder out = new StringBuilder();
    int count = 0;
    while (matcher.find()) {
      if (matcher.end() == matcher.start()) {
        continue;
      }
      String replacement = numbered ? number(replace, matcher.group(), scope) : replace;
      matcher.appendReplacement(out, replacement);
      count++;
    }
    if (count == 0) {
      return text;
    }
    matcher.appendTail(out);
    scope.fired(count);
    return out.toString();
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
