package dev.parity.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the parts of a text that vary between cases of one root cause (numbers, ids, paths,
 * ports) by placeholders chosen by their shape, and keeps the rest as it is.
 *
 * <p>Numbers inside words and tags keep their meaning and are not masked: {@code utf-8}, {@code
 * h1}, {@code iso-8859-1}, {@code v2}, {@code @I20@}. A number with a unit ({@code 10s}, {@code
 * 1.5ms}) is masked with the unit kept ({@code <n>s}). Runs of whitespace become one space.
 */
public final class Masker {
  private static final Pattern UUID =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
              + "[0-9a-fA-F]{12}(?![\\p{L}\\p{N}])");
  private static final Pattern HEX =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_-])(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}"
              + "(?![\\p{L}\\p{N}_])");
  private static final Pattern IP =
      Pattern.compile("(?<![\\p{N}.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\p{N}]|\\.\\d)");

  /** A port after a host name with a letter in it or after a masked address. */
  private static final Pattern PORT =
      Pattern.compile(
          "(<ip>|\\blocalhost|\\[[0-9a-fA-F:]+]|(?<=//)[\\w.-]+|[\\w-]+(?:\\.[\\w-]+)+):\\d{1,5}\\b");

  /**
   * A path with a letter in it: absolute with at least two segments, or relative from {@code ./} or
   * {@code ../}.
   */
  private static final Pattern PATH =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.:/<-])(?:(?:/[\\w.@%+~-]+){2,}/?|\\.{1,2}(?:/[\\w.@%+~-]+)+/?)");

  private static final Pattern SCIENTIFIC =
      Pattern.compile("(?<![\\p{L}\\p{N}_.])\\d+(?:\\.\\d+)?[eE][-+]?\\d+(?![\\p{L}\\p{N}_])");

  /** A word: letters, digits and underscores, joined by single hyphens or dots. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:[-.,][\\p{L}\\p{N}_]+)*");

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+(?:[.,]\\d+)*)(\\p{L}+)");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private Masker() {}

  /** The text with volatile parts masked and whitespace collapsed. */
  public static String mask(String text) {
    String out = UUID.matcher(text).replaceAll("<uuid>");
    out = HEX.matcher(out).replaceAll("<hex>");
    out =
        PATH.matcher(out)
            .replaceAll(
                m ->
                    LETTER.matcher(m.group()).find()
                        ? "<path>"
                        : Matcher.quoteReplacement(m.group()));
    out = IP.matcher(out).replaceAll("<ip>");
    out = PORT.matcher(out).replaceAll("$1:<port>");
    out = SCIENTIFIC.matcher(out).replaceAll("<n>");
    out = words(out);
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  /** Numbers masked word by word: a word that starts with a letter is kept whole. */
  private static String words(String text) {
    Matcher word = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (word.find()) {
      out.append(text, last, word.start());
      out.append(maskWord(word.group()));
      last = word.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  private static String maskWord(String word) {
    if (!Character.isDigit(word.charAt(0))) {
      return word;
    }
    if (!LETTER.matcher(word).find()) {
      return NUMBER.matcher(word).replaceAll("<n>");
    }
    Matcher unit = NUMBER_WITH_UNIT.matcher(word);
    return unit.matches() ? "<n>" + unit.group(2) : word;
  }
}
