package dev.parity.normalize;

import dev.parity.fixture.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code text:} rules over lines: line endings, trailing whitespace, blank lines, sorting. */
final class TextNormalizer implements Normalizer {
  private static final Pattern LINE_ENDINGS = Pattern.compile("\\r\\n?");

  /**
   * A blank line: at a line start (\n, \r\n or a lone \r before it), only spaces and tabs, then its
   * line end. Not {@code (?m)^}: Java's {@code ^} also starts a line after U+0085, U+2028 and
   * U+2029, which then lost the line break after them.
   */
  private static final Pattern BLANK =
      Pattern.compile("(?:\\A|(?<=\\n)|(?<=\\r)(?!\\n))[ \\t]*(?:\\r?\\n|\\r)");

  private final String name;

  private TextNormalizer(String name) {
    this.name = name;
  }

  static Normalizer of(String name) {
    if (!RuleAction.Text.NAMES.contains(name)) {
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
        return trailingWhitespace(text, scope);
      case "blankLines":
        return replace(BLANK, text, "", scope);
      default:
        return sortLines(text, scope);
    }
  }

  private static String replace(Pattern pattern, String text, String with, Scope scope) {
    String literal = Matcher.quoteReplacement(with);
    return MatchReplacer.replaceAll(pattern, text, scope, match -> Optional.of(literal));
  }

  /**
   * Drops spaces, tabs, form feeds and vertical tabs before each line end ({@code \\n}, {@code
   * \\r\\n}, {@code \\r}) and at the end of the text, in one pass: a regex with a lookahead retried
   * the whole run of spaces at every position of it (quadratic).
   */
  private static String trailingWhitespace(String text, Scope scope) {
    StringBuilder out = new StringBuilder(text.length());
    int count = 0;
    int run = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
        if (run < 0) {
          run = i;
        }
        continue;
      }
      if (run >= 0) {
        if (c == '\n' || c == '\r') {
          count++;
        } else {
          out.append(text, run, i);
        }
        run = -1;
      }
      out.append(c);
    }
    if (run >= 0) {
      count++;
    }
    if (count == 0) {
      return text;
    }
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
