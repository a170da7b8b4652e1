package dev.parity.noise;

import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regex rules over the tokens that differ between two lines, anchored on the literal text before
 * them ({@code session=[0-9a-f]{16}}).
 */
final class TokenRules {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]+|\\s+|[^A-Za-z0-9_\\s]");
  private static final int MAX_PREFIX_TOKENS = 3;
  private static final int MAX_REGEX_RULES = 10;

  private TokenRules() {}

  /**
   * At most {@link #MAX_REGEX_RULES} regex rules, one per differing value, for the lines that
   * differ between {@code a} and {@code b}.
   */
  static List<Rule> tokenRules(String stream, String a, String b) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (LinePairs.LinePair pair : LinePairs.pairs(a, b)) {
      if (pair.left() == null || pair.right() == null) {
        continue;
      }
      for (Rule rule : lineRules(stream, pair.left(), pair.right())) {
        rules.putIfAbsent(((RuleAction.Regex) rule.action()).pattern().pattern(), rule);
        if (rules.size() >= MAX_REGEX_RULES) {
          return List.copyOf(rules.values());
        }
      }
    }
    return List.copyOf(rules.values());
  }

  private static List<Rule> lineRules(String stream, String x, String y) {
    List<String> left = tokens(x);
    List<String> right = tokens(y);
    List<Rule> rules = new ArrayList<>();
    if (left.size() == right.size()) {
      int i = 0;
      while (i < left.size()) {
        if (left.get(i).equals(right.get(i))) {
          i++;
          continue;
        }
        int end = i;
        while (end < left.size() && !left.get(end).equals(right.get(end))) {
          end++;
          // One punctuation mark between two differing tokens belongs to the value (QWERTY-12).
          if (end + 1 < left.size()
              && left.get(end).equals(right.get(end))
              && isPunctuation(left.get(end))
              && !left.get(end + 1).equals(right.get(end + 1))) {
            end++;
          }
        }
        rules.add(
            rule(
                stream,
                left,
                right,
                i,
                String.join("", left.subList(i, end)),
                String.join("", right.subList(i, end))));
        i = end;
      }
      return rules;
    }
    int prefix = 0;
    while (prefix < Math.min(left.size(), right.size())
        && left.get(prefix).equals(right.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < Math.min(left.size(), right.size()) - prefix
        && left.get(left.size() - 1 - suffix).equals(right.get(right.size() - 1 - suffix))) {
      suffix++;
    }
    String l = String.join("", left.subList(prefix, left.size() - suffix));
    String r = String.join("", right.subList(prefix, right.size() - suffix));
    rules.add(rule(stream, left, right, prefix, l, r));
    return rules;
  }

  private static boolean isPunctuation(String token) {
    return token.length() == 1
        && !Character.isLetterOrDigit(token.charAt(0))
        && !Character.isWhitespace(token.charAt(0));
  }

  /** The literal context is up to three tokens before the value that both sides share. */
  private static Rule rule(
      String stream, List<String> tokens, List<String> other, int start, String l, String r) {
    StringBuilder context = new StringBuilder();
    int taken = 0;
    for (int i = start - 1; i >= 0 && taken < MAX_PREFIX_TOKENS; i--, taken++) {
      if (i >= other.size() || !tokens.get(i).equals(other.get(i))) {
        break;
      }
      context.insert(0, tokens.get(i));
    }
    String literal = context.toString().stripLeading();
    String value = valuePattern(l, r);
    String boundary =
        literal.isEmpty() || Character.isLetterOrDigit(literal.charAt(literal.length() - 1))
            ? "\\b"
            : "";
    String name = name(literal);
    String pattern = escape(literal) + boundary + value;
    if (value.startsWith("[") && boundary.isEmpty() && literal.isEmpty()) {
      pattern = "\\b" + value;
    }
    return Rule.of(
        new RuleAction.Regex(
            Pattern.compile(pattern),
            literal.replace("\\", "\\\\").replace("$", "\\$") + "<" + name + ">",
            true),
        List.of(stream));
  }

  /** A character class covering both values; a fixed length when both have it. */
  static String valuePattern(String l, String r) {
    String both = l + r;
    if (both.isEmpty()) {
      return "";
    }
    if (both.chars().anyMatch(Character::isWhitespace)) {
      return ".*?";
    }
    boolean digits = both.chars().anyMatch(Character::isDigit);
    boolean hexLower = both.chars().anyMatch(c -> c >= 'a' && c <= 'f');
    boolean otherLower = both.chars().anyMatch(c -> c >= 'g' && c <= 'z');
    boolean hexUpper = both.chars().anyMatch(c -> c >= 'A' && c <= 'F');
    boolean otherUpper = both.chars().anyMatch(c -> c >= 'G' && c <= 'Z');
    StringBuilder cls = new StringBuilder();
    // Two samples rarely show every character a random id can hold: letters beyond hex imply
    // digits.
    if (otherLower || otherUpper) {
      digits = true;
    }
    if (digits) {
      cls.append("0-9");
    }
    if (otherLower) {
      cls.append("a-z");
    } else if (hexLower) {
      cls.append("a-f");
    }
    if (otherUpper) {
      cls.append("A-Z");
    } else if (hexUpper) {
      cls.append("A-F");
    }
    Set<Character> others = new TreeSet<>();
    for (char c : both.toCharArray()) {
      if (!Character.isLetterOrDigit(c) || c > 127) {
        others.add(c);
      }
    }
    for (char c : others) {
      cls.append(
          c == '-' || c == ']' || c == '[' || c == '\\' || c == '^' ? "\\" + c : String.valueOf(c));
    }
    String quantifier = l.length() == r.length() ? "{" + l.length() + "}" : "+";
    if (quantifier.equals("{1}")) {
      quantifier = "";
    }
    return "[" + cls + "]" + quantifier;
  }

  private static String name(String literal) {
    Matcher words = Pattern.compile("[A-Za-z][A-Za-z0-9_]*").matcher(literal);
    String last = null;
    while (words.find()) {
      last = words.group();
    }
    return last == null ? "value" : last.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String escape(String literal) {
    StringBuilder out = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(line);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
