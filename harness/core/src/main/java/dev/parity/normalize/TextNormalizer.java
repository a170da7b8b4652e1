package dev.parity.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code text:} rules over lines: line endings, trailing whitespace, blank lines, sorting. */
final class TextNormalizer implements Normalizer {
  private static final Pattern LINE_ENDINGS = Pattern.compile("\\r\\n?");
  private static final Pattern TRAILING = Pattern.compile("[ \\t\\f\\x0B]+(?=\\r?\\n|\\r|$)");
  private static final Pattern BLANK = Pattern.compile("(?m)^[ \\t]*(?:\\r?\\n|\\r)");

  private final String name;

  private TextNormalizer(String name) {
    this.name = name;
  }

  static Normalizer of(String name) {
    if (!dev.parity.fixture.RuleAction.Text.NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown text rule [" + name + "]");
    }
    return new TextNormalizer(name);
  }

  @Override
  public String normalize(String text, Scope scope) {
    switch (name) {
      case "lineEndings":
        return replace(LINE_ENDINGS, text, "\n", scope);
      case "trailingWhitespace":
        return replace(TRAILING, text, "", scope);
      case "blankLines":
        return replace(BLANK, text, "", scope);
      default:
        return sortLines(text, scope);
    }
  }

  private static String replace(Pattern pattern, String text, String with, Scope scope) {
    Matcher matcher = pattern.matcher(text);
    int count = 0;
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(with));
      count++;
    }
    if (count == 0) {
      return text;
    }
    matcher.appendTail(out);
    scope.fired(count);
    return out.toString();
  }

  private static String sortLines(String text, Scope scope) {
    boolean finalNewline = text.endsWith("\n");
    String body = finalNewline ? text.substring(0, text.length() - 1) : text;
    if (body.isEmpty()) {
      return text;
    }
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(null);
    if (sorted.equals(lines)) {
      return text;
    }
    scope.fired(1);
    return String.join("\n", sorted) + (finalNewline ? "\n" : "");
  }
}
