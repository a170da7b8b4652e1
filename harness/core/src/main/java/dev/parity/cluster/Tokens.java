package dev.parity.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text split into tokens for a token-level edit: whitespace runs, numbers, words, symbols. */
final class Tokens {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s+|\\d+(?:\\.\\d+)?[eE][-+]?\\d+|[\\p{L}\\p{N}_]+(?:[-.][\\p{L}\\p{N}_]+)*|.",
          Pattern.DOTALL);
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

  private Tokens() {}

  static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /** The tokens that are not whitespace. */
  static List<String> words(String text) {
    return of(text).stream().filter(t -> !t.isBlank()).toList();
  }

  /** The value of a token written as a number ({@code 12}, {@code 12.0}, {@code 1e+17}). */
  static Optional<BigDecimal> number(String token) {
    if (!NUMBER.matcher(token).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(token));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean isNumber(String token) {
    return number(token).isPresent();
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
