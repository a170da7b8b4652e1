package dev.parity.diff;

import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.normalize.Pipeline;
import dev.parity.run.Observation;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.assertj.core.api.Assertions;

/**
 * The comparator against a reference model: generated pairs of outputs and rule sets, and a few
 * obviously-correct lines per documented rule (docs/normalization.md) deciding whether the two
 * outputs must be equal. 4 properties of 2,500 pairs each: 10,000 pairs per build.
 */
class ComparisonProperties {
  private static final int TRIES = 2_500;

  // ---------------------------------------------------------------- the comparator under test

  private static boolean comparatorSaysEqual(List<Rule> rules, byte[] legacy, byte[] candidate) {
    Pipeline.Result normalized = new Pipeline(rules).apply(stdout(legacy), stdout(candidate));
    return new ObservationComparator()
        .compare(EnumSet.allOf(CompareTarget.class), normalized.legacy(), normalized.candidate())
        .isIdentical();
  }

  private static Observation stdout(byte[] bytes) {
    return Observation.ofCommand(0, bytes, new byte[0], Map.of(), Duration.ZERO);
  }

  // ---------------------------------------------------------------- the reference model

  /**
   * Text is valid UTF-8 with no NUL in its first 8 KiB; rules touch a stream only if both sides
   * are.
   */
  private static Optional<String> text(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return Optional.empty();
      }
    }
    // Valid UTF-8, and only that, survives decoding and encoding again unchanged.
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    return Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes)
        ? Optional.of(decoded)
        : Optional.empty();
  }

  private static boolean modelSaysEqual(List<String> textRules, byte[] legacy, byte[] candidate) {
    Optional<String> a = text(legacy);
    Optional<String> b = text(candidate);
    if (textRules.isEmpty() || a.isEmpty() || b.isEmpty()) {
      return Arrays.equals(legacy, candidate);
    }
    String l = a.get();
    String c = b.get();
    for (String rule : textRules) {
      l = textRule(rule, l);
      c = textRule(rule, c);
    }
    return l.equals(c);
  }

  /** The text rules as the docs state them, written the slow and plain way. */
  private static String textRule(String rule, String text) {
    switch (rule) {
      case "lineEndings":
        return text.replace("\r\n", "\n").replace("\r", "\n");
      case "trailingWhitespace":
        {
          StringBuilder out = new StringBuilder();
          for (String[] line : lines(text)) {
            out.append(line[0].replaceAll("[ \\t\\f\\u000B]+\\z", "")).append(line[1]);
          }
          return out.toString();
        }
      case "blankLines":
        {
          StringBuilder out = new StringBuilder();
          for (String[] line : lines(text)) {
            if (!(line[0].matches("[ \\t]*") && !line[1].isEmpty())) {
              out.append(line[0]).append(line[1]);
            }
          }
          return out.toString();
        }
      default:
        {
          boolean finalNewline = text.endsWith("\n");
          String body = finalNewline ? text.substring(0, text.length() - 1) : text;
          if (body.isEmpty()) {
            return text;
          }
          List<String> sorted = new ArrayList<>(List.of(body.split("\n", -1)));
          Collections.sort(sorted);
          return String.join("\n", sorted) + (finalNewline ? "\n" : "");
        }
    }
  }

  /** Lines as [content, terminator], the terminator one of \r\n, \n, \r or "" at the end. */
  private static List<String[]> lines(String text) {
    List<String[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        int end = ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(new String[] {text.substring(start, i), text.substring(i, end)});
        start = end;
        i = end - 1;
      }
    }
    if (start < text.length()) {
      lines.add(new String[] {text.substring(start), ""});
    }
    return lines;
  }

  // ---------------------------------------------------------------- text properties

  /**
   * A small alphabet that makes collisions, line endings and trailing blanks likely; U+2028 and
   * U+0085 end lines for Java's regexes, and for no rule.
   */
  private static final char[] ALPHABET = {
    'a', 'b', ' ', '\t', '\n', '\r', 'é', '\f', '0', '1', '\u2028', '\u0085'
  };

  private record TextPair(byte[] legacy, byte[] candidate) {
    @Override
    public String toString() {
      return "legacy=" + show(legacy) + " candidate=" + show(candidate);
    }
  }

  private static String show(byte[] bytes) {
    return Arrays.toString(bytes);
  }

  @Provide
  Arbitrary<TextPair> textPairs() {
    return Arbitraries.randomValue(
        random -> {
          byte[] legacy = bytes(random);
          byte[] candidate = random.nextInt(3) == 0 ? bytes(random) : mutate(random, legacy);
          return new TextPair(legacy, candidate);
        });
  }

  private static byte[] bytes(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(10) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Small edits that normalization may or may not excuse. */
  private static byte[] mutate(Random random, byte[] bytes) {
    List<Byte> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b);
    }
    int edits = random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.isEmpty() ? 0 : random.nextInt(out.size() + 1);
      switch (random.nextInt(8)) {
        case 0 -> out.add(at, (byte) '\r');
        case 1 -> out.add(at, (byte) ' ');
        case 2 -> out.add(at, (byte) '\n');
        case 3 -> out.add(at, (byte) 0);
        case 4 -> out.add(at, (byte) 0xC3);
        case 5 -> out.add(at, (byte) '\t');
        case 6 -> {
          if (!out.isEmpty()) {
            out.remove(Math.min(at, out.size() - 1));
          }
        }
        default -> out.add(at, (byte) 'b');
      }
    }
    byte[] result = new byte[out.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = out.get(i);
    }
    return result;
  }

  private static final List<String> TEXT_RULES =
      List.of("lineEndings", "trailingWhitespace", "blankLines", "sortLines");

  @Provide
  Arbitrary<List<String>> textRules() {
    return Arbitraries.of(TEXT_RULES).list().ofMaxSize(3);
  }

  @Property(tries = TRIES)
  void withoutRulesEqualMeansTheSameBytes(@ForAll("textPairs") TextPair pair) {
    Assertions.assertThat(comparatorSaysEqual(List.of(), pair.legacy(), pair.candidate()))
        .isEqualTo(Arrays.equals(pair.legacy(), pair.candidate()));
  }

  @Property(tries = TRIES)
  void textRulesAgreeWithTheModel(
      @ForAll("textPairs") TextPair pair, @ForAll("textRules") List<String> rules) {
    List<Rule> declared =
        rules.stream().map(r -> Rule.of(new RuleAction.Text(r), List.of())).toList();
    boolean expected = modelSaysEqual(rules, pair.legacy(), pair.candidate());
    Statistics.collect(expected ? "equal" : "different");
    Assertions.assertThat(comparatorSaysEqual(declared, pair.legacy(), pair.candidate()))
        .as("rules %s", rules)
        .isEqualTo(expected);
  }

  // ---------------------------------------------------------------- JSON

  /** A JSON value of the model: objects keep duplicate keys, numbers keep their token. */
  private sealed interface J permits JObj, JArr, JNum, JStr, JLit {}

  private record JObj(List<Map.Entry<String, J>> fields) implements J {}

  private record JArr(List<J> items) implements J {}

  private record JNum(String token) implements J {}

  private record JStr(String value) implements J {}

  private record JLit(String literal) implements J {}

  private static final List<String> NUMBERS =
      List.of(
          "1",
          "1.0",
          "1e0",
          "10E-1",
          "100",
          "1e2",
          "-0",
          "0",
          "0.10",
          "0.1",
          "2",
          "1e999999999",
          "-1.5");
  private static final List<String> KEYS = List.of("a", "b", "t", "é", "a/b");

  /**
   * Strings, among them lone surrogates (written as escapes: UTF-8 cannot hold them) and the {@code
   * ?} that UTF-8 encoding turns them into.
   */
  private static final List<String> STRINGS =
      List.of("x", "y\"\\", String.valueOf((char) 0xD800), String.valueOf((char) 0xDFFF), "?");

  private static J value(Random random, int depth) {
    int kind = random.nextInt(depth > 2 ? 4 : 6);
    switch (kind) {
      case 0:
        return new JNum(NUMBERS.get(random.nextInt(NUMBERS.size())));
      case 1:
        return new JStr(STRINGS.get(random.nextInt(STRINGS.size())));
      case 2:
        return new JLit(List.of("true", "false", "null").get(random.nextInt(3)));
      case 3:
        return new JNum(Integer.toString(random.nextInt(3)));
      case 4:
        {
          List<Map.Entry<String, J>> fields = new ArrayList<>();
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            boolean duplicate = fields.stream().anyMatch(f -> f.getKey().equals(key));
            if (!duplicate || random.nextInt(8) == 0) {
              fields.add(Map.entry(key, value(random, depth + 1)));
            }
          }
          return new JObj(fields);
        }
      default:
        {
          List<J> items = new ArrayList<>();
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            items.add(value(random, depth + 1));
          }
          return new JArr(items);
        }
    }
  }

  /** A changed copy: a number respelled, a key reordered or dropped, a value replaced. */
  private static J mutate(Random random, J value) {
    if (value instanceof JNum && random.nextInt(3) == 0) {
      return new JNum(NUMBERS.get(random.nextInt(NUMBERS.size())));
    }
    if (value instanceof JObj obj && !obj.fields().isEmpty()) {
      List<Map.Entry<String, J>> fields = new ArrayList<>(obj.fields());
      int i = random.nextInt(fields.size());
      switch (random.nextInt(4)) {
        case 0 -> Collections.shuffle(fields, random);
        case 1 -> fields.remove(i);
        default ->
            fields.set(
                i, Map.entry(fields.get(i).getKey(), mutate(random, fields.get(i).getValue())));
      }
      return new JObj(fields);
    }
    if (value instanceof JArr arr && !arr.items().isEmpty()) {
      List<J> items = new ArrayList<>(arr.items());
      int i = random.nextInt(items.size());
      items.set(i, mutate(random, items.get(i)));
      return new JArr(items);
    }
    return random.nextInt(4) == 0 ? value(random, 3) : value;
  }

  private static String render(J value, Random random) {
    String space = random.nextInt(3) == 0 ? " " : "";
    if (value instanceof JObj obj) {
      return obj.fields().stream()
          .map(f -> quote(f.getKey()) + space + ":" + render(f.getValue(), random))
          .collect(Collectors.joining("," + space, "{" + space, "}"));
    }
    if (value instanceof JArr arr) {
      return arr.items().stream()
          .map(i -> render(i, random))
          .collect(Collectors.joining("," + space, "[", space + "]"));
    }
    if (value instanceof JNum num) {
      return num.token();
    }
    if (value instanceof JStr str) {
      return quote(str.value());
    }
    return ((JLit) value).literal();
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '"') {
        quoted.append('\\').append(c);
      } else if (Character.isSurrogate(c)) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** One document, or two or more values as JSON Lines, or the same values as one array. */
  private record JsonOutput(List<J> values, boolean lines, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private static JsonOutput output(Random random, List<J> values, int form) {
    if (form == 0 || values.size() == 1) {
      J one = values.size() == 1 ? values.get(0) : new JArr(values);
      return new JsonOutput(
          List.of(one), false, render(one, random) + (random.nextBoolean() ? "\n" : ""));
    }
    String text =
        values.stream().map(v -> render(v, random)).collect(Collectors.joining("\n", "", "\n"));
    return new JsonOutput(values, true, text);
  }

  private record JsonPair(JsonOutput legacy, JsonOutput candidate) {}

  @Provide
  Arbitrary<JsonPair> jsonPairs() {
    return Arbitraries.randomValue(
        random -> {
          List<J> values = new ArrayList<>();
          int count = 1 + random.nextInt(3);
          for (int i = 0; i < count; i++) {
            values.add(value(random, random.nextBoolean() ? 2 : 0));
          }
          List<J> other =
              values.stream()
                  .map(v -> random.nextBoolean() ? v : mutate(random, v))
                  .collect(Collectors.toList());
          int form = random.nextInt(2);
          // Sometimes the same values in the other form: an array against JSON Lines.
          int otherForm = random.nextInt(4) == 0 ? 1 - form : form;
          return new JsonPair(output(random, values, form), output(random, other, otherForm));
        });
  }

  private static boolean hasDuplicateKeys(J value) {
    if (value instanceof JObj obj) {
      long distinct = obj.fields().stream().map(Map.Entry::getKey).distinct().count();
      return distinct < obj.fields().size()
          || obj.fields().stream().anyMatch(f -> hasDuplicateKeys(f.getValue()));
    }
    return value instanceof JArr arr
        && arr.items().stream().anyMatch(ComparisonProperties::hasDuplicateKeys);
  }

  /** Whether a string holds a lone surrogate (every surrogate here is alone). */
  private static boolean hasLoneSurrogate(J value) {
    if (value instanceof JObj obj) {
      return obj.fields().stream()
          .anyMatch(f -> hasLoneSurrogate(new JStr(f.getKey())) || hasLoneSurrogate(f.getValue()));
    }
    if (value instanceof JArr arr) {
      return arr.items().stream().anyMatch(ComparisonProperties::hasLoneSurrogate);
    }
    return value instanceof JStr str
        && str.value().chars().anyMatch(c -> Character.isSurrogate((char) c));
  }

  /** Not JSON, and so compared as text: a duplicate key, or a lone surrogate. */
  private static boolean notJson(J value) {
    return hasDuplicateKeys(value) || hasLoneSurrogate(value);
  }

  /** Equal per the docs: objects by key, arrays by index, numbers by token (or by value). */
  private static boolean same(J a, J b, boolean numeric) {
    if (a instanceof JObj x && b instanceof JObj y) {
      Map<String, J> left = new LinkedHashMap<>();
      x.fields().forEach(f -> left.put(f.getKey(), f.getValue()));
      Map<String, J> right = new LinkedHashMap<>();
      y.fields().forEach(f -> right.put(f.getKey(), f.getValue()));
      return left.keySet().equals(right.keySet())
          && left.keySet().stream().allMatch(k -> same(left.get(k), right.get(k), numeric));
    }
    if (a instanceof JArr x && b instanceof JArr y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!same(x.items().get(i), y.items().get(i), numeric)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JNum x && b instanceof JNum y) {
      return numeric
          ? new BigDecimal(x.token()).compareTo(new BigDecimal(y.token())) == 0
          : x.token().equals(y.token());
    }
    return a.equals(b);
  }

  /** Removes {@code /* /t}: key t of every child of a document's root. */
  private static J ignoreStarT(J root) {
    if (root instanceof JObj obj) {
      return new JObj(
          obj.fields().stream().map(f -> Map.entry(f.getKey(), dropT(f.getValue()))).toList());
    }
    if (root instanceof JArr arr) {
      return new JArr(arr.items().stream().map(ComparisonProperties::dropT).toList());
    }
    return root;
  }

  /** Per the docs, an ignored value reads {@code "<ignored>"}: its presence is still compared. */
  private static J dropT(J value) {
    return value instanceof JObj obj
        ? new JObj(
            obj.fields().stream()
                .map(f -> f.getKey().equals("t") ? Map.<String, J>entry("t", IGNORED) : f)
                .toList())
        : value;
  }

  private static final J IGNORED = new JStr(RuleAction.Json.IGNORED);

  private static boolean modelSaysEqual(JsonPair pair, boolean numeric, boolean ignoreT) {
    boolean badLegacy = pair.legacy().values().stream().anyMatch(ComparisonProperties::notJson);
    boolean badCandidate =
        pair.candidate().values().stream().anyMatch(ComparisonProperties::notJson);
    if (badLegacy || badCandidate) {
      // Not JSON: compared as text, and canonical JSON never equals such text.
      return badLegacy && badCandidate && pair.legacy().text().equals(pair.candidate().text());
    }
    List<J> a = pair.legacy().values();
    List<J> b = pair.candidate().values();
    if (pair.legacy().lines() != pair.candidate().lines() || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      J x = ignoreT ? ignoreStarT(a.get(i)) : a.get(i);
      J y = ignoreT ? ignoreStarT(b.get(i)) : b.get(i);
      if (!same(x, y, numeric)) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = TRIES)
  void jsonRulesAgreeWithTheModel(
      @ForAll("jsonPairs") JsonPair pair, @ForAll boolean numeric, @ForAll boolean ignoreT) {
    Rule json =
        Rule.of(
            new RuleAction.Json(
                true, ignoreT ? List.of("/*/t") : List.of(), List.of(), Optional.empty(), numeric),
            List.of());
    boolean expected = modelSaysEqual(pair, numeric, ignoreT);
    Statistics.collect(expected ? "equal" : "different");
    Assertions.assertThat(
            comparatorSaysEqual(
                List.of(json),
                pair.legacy().text().getBytes(StandardCharsets.UTF_8),
                pair.candidate().text().getBytes(StandardCharsets.UTF_8)))
        .as(
            "legacy %s%ncandidate %s%nnumericEquality %s, ignore /*/t %s",
            pair.legacy(), pair.candidate(), numeric, ignoreT)
        .isEqualTo(expected);
  }

  @Property(tries = TRIES)
  void withoutRulesJsonIsComparedByteForByte(@ForAll("jsonPairs") JsonPair pair) {
    byte[] legacy = pair.legacy().text().getBytes(StandardCharsets.UTF_8);
    byte[] candidate = pair.candidate().text().getBytes(StandardCharsets.UTF_8);
    Assertions.assertThat(comparatorSaysEqual(List.of(), legacy, candidate))
        .isEqualTo(Arrays.equals(legacy, candidate));
  }
}
