package dev.parity.noise;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a noisy token may be, learnt from the values the legacy runs printed there: a number accepts
 * any number; a UUID any UUID; a word accepts a word of the same length (or the range of lengths
 * seen) made of the same kinds of characters (lower-case hex, a-z, A-Z, digits, underscore); spaces
 * accept spaces; anything else only one of the values seen.
 */
record Shape(String label, Pattern pattern) {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern SPACES = Pattern.compile("[ \\t]+");
  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static Shape of(Collection<String> samples) {
    if (samples.stream().allMatch(s -> DIGITS.matcher(s).matches())) {
      return new Shape("[0-9]+", DIGITS);
    }
    if (samples.stream().allMatch(s -> UUID.matcher(s).matches())) {
      return new Shape("uuid", UUID);
    }
    int min = samples.stream().mapToInt(String::length).min().orElse(0);
    int max = samples.stream().mapToInt(String::length).max().orElse(0);
    String length = min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
    if (samples.stream().allMatch(s -> SPACES.matcher(s).matches())) {
      return shape("[ \\t]" + length);
    }
    if (samples.stream().allMatch(s -> WORD.matcher(s).matches())) {
      return shape("[" + characterClass(String.join("", samples)) + "]" + length);
    }
    List<String> literals = List.copyOf(new TreeSet<>(samples));
    return new Shape(
        "one of " + literals,
        Pattern.compile(String.join("|", literals.stream().map(Pattern::quote).toList())));
  }

  private static Shape shape(String regex) {
    return new Shape(regex, Pattern.compile(regex));
  }

  /** The narrowest class holding every character seen: hex when the letters are all a-f. */
  private static String characterClass(String all) {
    boolean digits = all.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean lowerHex = all.chars().anyMatch(c -> c >= 'a' && c <= 'f');
    boolean lower = all.chars().anyMatch(c -> c >= 'g' && c <= 'z');
    boolean upperHex = all.chars().anyMatch(c -> c >= 'A' && c <= 'F');
    boolean upper = all.chars().anyMatch(c -> c >= 'G' && c <= 'Z');
    StringBuilder cls = new StringBuilder();
    if (digits) {
      cls.append("0-9");
    }
    if (lower) {
      cls.append("a-z");
    } else if (lowerHex) {
      cls.append("a-f");
    }
    if (upper) {
      cls.append("A-Z");
    } else if (upperHex) {
      cls.append("A-F");
    }
    if (all.indexOf('_') >= 0) {
      cls.append('_');
    }
    return cls.toString();
  }

  boolean fits(String token) {
    return pattern.matcher(token).matches();
  }
}
