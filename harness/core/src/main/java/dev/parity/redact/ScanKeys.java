package dev.parity.redact;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link RedactionScan} derives from a list of keywords or secrets, derived once per list: a
 * redactor asks with the same few lists for every output, and deriving them again at each call
 * (streams, a distinct, arrays) was a sixth of a shadowed request's comparison (docs/traffic.md).
 * The arrays are never written once made.
 *
 * @param ascii whether every text is ASCII
 * @param startWithLetters whether every keyword starts with an ASCII letter
 * @param letters the keywords' first letters as word patterns (empty unless {@code
 *     startWithLetters}, the only case where they are asked for)
 * @param first the ASCII bytes the keywords start with, in either case (all false unless {@code
 *     ascii}, the only case where they are asked for)
 */
record ScanKeys(boolean ascii, boolean startWithLetters, long[] letters, boolean[] first) {
  private static final long ONES = 0x0101010101010101L;

  /** The lists seen so far; a suite has a handful, so this stays small (cleared past a bound). */
  private static final Map<List<String>, ScanKeys> KNOWN = new ConcurrentHashMap<>();

  private static final int MAX_KNOWN = 256;

  static ScanKeys of(List<String> texts) {
    ScanKeys known = KNOWN.get(texts);
    if (known != null) {
      return known;
    }
    List<String> copy = List.copyOf(texts);
    boolean ascii = ascii(copy);
    boolean letters = startWithLetters(copy);
    // Each derived only where it is asked for: the letters of keywords that all start with one,
    // the first bytes of ASCII keywords (a table of ASCII bytes).
    ScanKeys made =
        new ScanKeys(
            ascii,
            letters,
            letters ? letterPatterns(copy) : new long[0],
            ascii ? firstBytes(copy) : new boolean[128]);
    if (KNOWN.size() >= MAX_KNOWN) {
      KNOWN.clear();
    }
    KNOWN.put(copy, made);
    return made;
  }

  /**
   * The keywords' first letters, lower case, each repeated in the eight bytes of a long: a byte
   * with its 0x20 bit set equals one of them if it is that letter in either case.
   */
  static long[] letterPatterns(List<String> keywords) {
    return keywords.stream()
        .mapToLong(k -> ((k.charAt(0) | 0x20) & 0xFFL) * ONES)
        .distinct()
        .toArray();
  }

  /**
   * Whether every keyword starts with an ASCII letter; if one does not (or is empty), every line
   * with its separator is searched.
   */
  static boolean startWithLetters(List<String> keywords) {
    return keywords.stream()
        .allMatch(
            k ->
                !k.isEmpty()
                    && ((k.charAt(0) >= 'a' && k.charAt(0) <= 'z')
                        || (k.charAt(0) >= 'A' && k.charAt(0) <= 'Z')));
  }

  /** The ASCII bytes the keywords start with, in either case. */
  static boolean[] firstBytes(List<String> keywords) {
    boolean[] first = new boolean[128];
    for (String keyword : keywords) {
      if (!keyword.isEmpty()) {
        char c = keyword.charAt(0);
        first[Character.toLowerCase(c)] = true;
        first[Character.toUpperCase(c)] = true;
      } else {
        Arrays.fill(first, true);
      }
    }
    return first;
  }

  static boolean ascii(List<String> texts) {
    return texts.stream().allMatch(t -> t.chars().allMatch(c -> c < 128));
  }
}
