package dev.parity.noise;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.parity.diff.JsonChange;
import dev.parity.diff.JsonDiffer;
import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.normalize.Normalizer;
import dev.parity.normalize.Normalizers;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.Scope;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Proposes the narrowest rules that make two runs of the same side equal: JSON Pointers for JSON
 * outputs; otherwise a built-in when one explains the difference, then a regex over the tokens that
 * differ, anchored on the literal text before them ({@code session=[0-9a-f]{16}}).
 */
public final class RuleSuggester {
  /** Built-ins tried in this order before token regexes. */
  static final List<String> BUILTIN_ORDER =
      List.of(
          "timestamps",
          "uuids",
          "epochMillis",
          "hashes",
          "addresses",
          "tempPaths",
          "pids",
          "durations");

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]+|\\s+|[^A-Za-z0-9_\\s]");
  private static final int MAX_PREFIX_TOKENS = 3;
  private static final int MAX_DIFF_LINES = 20_000;
  private static final int MAX_REGEX_RULES = 10;

  private final JsonDiffer jsonDiffer = new JsonDiffer(2_000);

  /**
   * Rules that would make {@code first} and {@code second} equal, stream by stream, limited to the
   * streams {@code compared} accepts. Scalar values (exit codes) cannot be covered by a rule.
   */
  public List<Rule> suggest(Observation first, Observation second, Predicate<String> compared) {
    List<Rule> rules = new ArrayList<>();
    Set<String> streams = new TreeSet<>(first.streams().keySet());
    streams.retainAll(second.streams().keySet());
    for (String stream : streams) {
      byte[] a = first.streams().get(stream);
      byte[] b = second.streams().get(stream);
      if (a == null || b == null || !compared.test(stream) || Arrays.equals(a, b)) {
        continue;
      }
      Optional<String> left = StreamContent.text(a);
      Optional<String> right = StreamContent.text(b);
      if (left.isPresent() && right.isPresent()) {
        rules.addAll(suggest(stream, left.get(), right.get()));
      }
    }
    return rules;
  }

  /** Rules for one text stream. */
  List<Rule> suggest(String stream, String a, String b) {
    Optional<List<JsonChange>> json = jsonDiffer.diff(stream, a, b);
    if (json.isPresent() && !json.get().isEmpty()) {
      List<String> pointers = pointers(json.get());
      if (!pointers.isEmpty()) {
        return List.of(
            Rule.of(
                new RuleAction.Json(true, pointers, List.of(), Optional.empty(), false),
                List.of(stream)));
      }
    }
    List<Rule> rules = new ArrayList<>();
    String left = a;
    String right = b;
    for (String name : BUILTIN_ORDER) {
      Normalizer builtin = Normalizers.builtin(name);
      String l = builtin.normalize(left, new Scope());
      String r = builtin.normalize(right, new Scope());
      if (differingLines(l, r) < differingLines(left, right)) {
        rules.add(Rule.of(new RuleAction.Builtin(name), List.of(stream)));
        left = l;
        right = r;
      }
    }
    if (!left.equals(right)) {
      rules.addAll(tokenRules(stream, left, right));
    }
    return rules;
  }

  /** Whether {@code rules} make the two texts equal. */
  static boolean covers(List<Rule> rules, Observation first, Observation second) {
    Pipeline.Result result = new Pipeline(rules).apply(first, second);
    return result.legacy().sameContentAs(result.candidate());
  }

  private static List<String> pointers(List<JsonChange> changes) {
    Map<String, Set<String>> byGeneral = new LinkedHashMap<>();
    for (JsonChange change : changes) {
      if (change.path().isEmpty()) {
        return List.of();
      }
      String general = change.path().replaceAll("/\\d+(?=/|$)", "/*");
      byGeneral.computeIfAbsent(general, k -> new LinkedHashSet<>()).add(change.path());
    }
    List<String> pointers = new ArrayList<>();
    byGeneral.forEach(
        (general, exact) -> {
          if (exact.size() > 1) {
            pointers.add(general);
          } else {
            pointers.addAll(exact);
          }
        });
    return pointers;
  }

  private static int differingLines(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int count = 0;
    for (LinePair pair : pairs(a, b)) {
      count +=
          pair.left() == null || pair.right() == null || !pair.left().equals(pair.right()) ? 1 : 0;
    }
    return count;
  }

  private record LinePair(@Nullable String left, @Nullable String right) {}

  /**
   * Lines of both texts paired for token analysis: by position when the line counts are equal
   * (noise rarely adds lines) or the texts are large, otherwise by a minimal diff. Unpaired lines
   * have a null partner. Bounded: Myers is never run on more than {@link #MAX_DIFF_LINES} lines.
   */
  private static List<LinePair> pairs(String a, String b) {
    List<String> left = List.of(a.split("\n", -1));
    List<String> right = List.of(b.split("\n", -1));
    List<LinePair> pairs = new ArrayList<>();
    if (left.size() == right.size() || left.size() + right.size() > MAX_DIFF_LINES) {
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        String l = i < left.size() ? left.get(i) : null;
        String r = i < right.size() ? right.get(i) : null;
        if (l == null || !l.equals(r)) {
          pairs.add(new LinePair(l, r));
        }
      }
      return pairs;
    }
    Patch<String> patch = DiffUtils.diff(left, right);
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      List<String> source = delta.getSource().getLines();
      List<String> target = delta.getTarget().getLines();
      for (int i = 0; i < Math.max(source.size(), target.size()); i++) {
        pairs.add(
            new LinePair(
                i < source.size() ? source.get(i) : null,
                i < target.size() ? target.get(i) : null));
      }
    }
    return pairs;
  }

  private static List<Rule> tokenRules(String stream, String a, String b) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (LinePair pair : pairs(a, b)) {
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
