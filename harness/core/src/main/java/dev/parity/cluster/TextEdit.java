package dev.parity.cluster;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies how one piece of text (a line, a header value, a JSON string) became another: letter
 * case, whitespace, quoting, number formatting, or, token by token, what was appended, prepended,
 * inserted, removed or replaced.
 *
 * <p>A class is a {@link Change} without a place ({@code letter case}, {@code `; charset=utf-8`
 * appended}): its key holds no value that varies between cases of one root cause (those are {@link
 * Masker masked}); its name shows the first example.
 */
final class TextEdit {
  /** Token counts above this (both sides multiplied) are not diffed token by token. */
  private static final int MAX_CELLS = 250_000;

  /** A shown token run keeps at most this many characters. */
  static final int SHOWN_CHARS = 40;

  /** A line whose edit needs more classes than this was rewritten, not edited. */
  private static final int MAX_CLASSES = 3;

  private static final Pattern QUOTES = Pattern.compile("[\"'`\u2018\u2019\u201c\u201d]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  private TextEdit() {}

  /** The classes of the edit from {@code legacy} to {@code candidate} (different texts). */
  static List<Change> of(String legacy, String candidate) {
    Optional<Change> whole = wholeClass(legacy, candidate);
    if (whole.isPresent()) {
      return List.of(whole.get());
    }
    List<String> a = Tokens.of(legacy);
    List<String> b = Tokens.of(candidate);
    if ((long) a.size() * b.size() > MAX_CELLS) {
      return List.of(rewritten(legacy, candidate));
    }
    int[][] lcs = lcs(a, b);
    if (2 * lcs[0][0] < Math.min(a.size(), b.size())) {
      return List.of(
          CharEdit.of(legacy.strip(), candidate.strip())
              .orElseGet(() -> rewritten(legacy, candidate)));
    }
    Set<Change> classes = new LinkedHashSet<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
        continue;
      }
      int i0 = i;
      int j0 = j;
      while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
          break;
        }
        if (j == b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
          i++;
        } else {
          j++;
        }
      }
      classes.add(region(legacy, a, i0, i, b, j0, j));
    }
    if (classes.size() > MAX_CLASSES) {
      return List.of(rewritten(legacy, candidate));
    }
    return List.copyOf(classes);
  }

  /** A class that describes the whole edit at once, when one does. */
  static Optional<Change> wholeClass(String legacy, String candidate) {
    if (Tokens.lower(legacy).equals(Tokens.lower(candidate))) {
      return Optional.of(Change.of("letter case"));
    }
    if (squeezed(legacy).equals(squeezed(candidate))) {
      return Optional.of(Change.of(whitespace(legacy, candidate)));
    }
    if (unquoted(legacy).equals(unquoted(candidate))) {
      return Optional.of(Change.of("quoting"));
    }
    if (unescaped(candidate).equals(legacy)) {
      return Optional.of(Change.of("non-ASCII escaped as `\\uXXXX`"));
    }
    if (unescaped(legacy).equals(candidate)) {
      return Optional.of(Change.of("`\\uXXXX` escapes decoded"));
    }
    Optional<String> example = numberFormatting(legacy, candidate);
    if (example.isPresent()) {
      return Optional.of(
          new Change("number formatting", "number formatting (" + example.get() + ")"));
    }
    return Optional.empty();
  }

  private static Change region(
      String line, List<String> a, int i0, int i1, List<String> b, int j0, int j1) {
    String removed = String.join("", a.subList(i0, i1));
    String added = String.join("", b.subList(j0, j1));
    if (removed.isBlank() && added.isBlank()) {
      return Change.of("whitespace");
    }
    if (removed.isEmpty()) {
      String where = j0 == 0 ? "prepended" : j1 == b.size() ? "appended" : "inserted";
      return Change.of(shown(added.strip()) + " " + where);
    }
    if (added.isEmpty()) {
      String where = i0 == 0 ? "removed at start" : i1 == a.size() ? "removed at end" : "removed";
      return Change.of(shown(removed.strip()) + " " + where);
    }
    Optional<Change> whole = wholeClass(removed, added);
    if (whole.isPresent()) {
      return whole.get();
    }
    if (Tokens.isNumber(removed.strip()) && Tokens.isNumber(added.strip())) {
      // Which number changed says more than that one did: the line's masked template tells.
      String template = cut(Masker.mask(line), 2 * SHOWN_CHARS);
      return new Change(
          "number changed in `" + template + "`",
          "number changed in `"
              + template
              + "` (`"
              + cut(removed.strip(), SHOWN_CHARS)
              + "` -> `"
              + cut(added.strip(), SHOWN_CHARS)
              + "`)");
    }
    return CharEdit.of(removed.strip(), added.strip())
        .orElseGet(() -> Change.of(shown(removed.strip()) + " -> " + shown(added.strip())));
  }

  /**
   * A line rewritten: keyed by the first word of each side (the kind of line, e.g. {@code parse}
   * error against {@code Expecting} value), named with both lines.
   */
  private static Change rewritten(String legacy, String candidate) {
    return new Change(
        "line " + shown(firstWord(legacy) + " ...") + " -> " + shown(firstWord(candidate) + " ..."),
        "line "
            + shown(legacy.strip(), 2 * SHOWN_CHARS)
            + " -> "
            + shown(candidate.strip(), 2 * SHOWN_CHARS));
  }

  private static String firstWord(String line) {
    List<String> words = Tokens.words(line);
    return words.isEmpty() ? "" : words.get(0);
  }

  /** A token run masked and in backquotes, e.g. {@code `; charset=utf-8`}. */
  static String shown(String text) {
    return shown(text, SHOWN_CHARS);
  }

  private static String shown(String text, int chars) {
    return "`" + cut(Masker.mask(text), chars) + "`";
  }

  static String cut(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars - 3) + "...";
  }

  /** The text with its {@code \\uXXXX} escapes decoded (as JSON writes characters). */
  private static String unescaped(String text) {
    return UNICODE_ESCAPE
        .matcher(text)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  /**
   * Which whitespace differs: only at the start of the line ({@code indentation}), only at its end
   * ({@code trailing whitespace}), or between tokens ({@code whitespace}).
   */
  private static String whitespace(String legacy, String candidate) {
    if (legacy.stripLeading().equals(candidate.stripLeading())) {
      return "indentation";
    }
    if (legacy.stripTrailing().equals(candidate.stripTrailing())) {
      return "trailing whitespace";
    }
    return "whitespace";
  }

  private static String squeezed(String text) {
    return SPACES.matcher(text).replaceAll("");
  }

  private static String unquoted(String text) {
    return QUOTES.matcher(text).replaceAll("");
  }

  /**
   * When both texts are the same tokens except numbers written differently with the same value
   * ({@code 12} and {@code 12.0}), the first such pair as {@code `12` -> `12.0`}.
   */
  private static Optional<String> numberFormatting(String legacy, String candidate) {
    List<String> a = Tokens.words(legacy);
    List<String> b = Tokens.words(candidate);
    if (a.size() != b.size()) {
      return Optional.empty();
    }
    String example = null;
    for (int k = 0; k < a.size(); k++) {
      if (a.get(k).equals(b.get(k))) {
        continue;
      }
      Optional<BigDecimal> x = Tokens.number(a.get(k));
      Optional<BigDecimal> y = Tokens.number(b.get(k));
      if (x.isEmpty() || y.isEmpty() || x.get().compareTo(y.get()) != 0) {
        return Optional.empty();
      }
      if (example == null) {
        example = "`" + cut(a.get(k), SHOWN_CHARS) + "` -> `" + cut(b.get(k), SHOWN_CHARS) + "`";
      }
    }
    return Optional.ofNullable(example);
  }

  /** Suffix LCS lengths: {@code lcs[i][j]} for {@code a[i..]} and {@code b[j..]}. */
  private static int[][] lcs(List<String> a, List<String> b) {
    int[][] table = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        table[i][j] =
            a.get(i).equals(b.get(j))
                ? table[i + 1][j + 1] + 1
                : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    return table;
  }
}
