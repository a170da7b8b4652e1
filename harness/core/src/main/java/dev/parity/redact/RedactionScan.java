package dev.parity.redact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tells from an output's bytes, without decoding them, whether the built-in rules of {@link
 * Redactor} could change anything in it.
 *
 * <p>Redacting decodes every output to a String and scans it line by line; for a 45 MB output with
 * nothing to redact (the usual case) that was the largest part of a comparison's CPU. The built-in
 * rules change only a line holding a separator ({@code :} for headers, {@code =} for assignments
 * and queries) and one of their keywords, and the text holding one of Parity's own secrets, which
 * this checks on the bytes. It errs towards "could": a line with a separator and any non-ASCII byte
 * could hold a keyword under Unicode case folding (the Kelvin sign is a {@code k}), and a non-ASCII
 * keyword or secret is not looked for here at all.
 */
final class RedactionScan {
  private RedactionScan() {}

  /**
   * False only when no line of {@code bytes} has {@code :} and one of {@code colonKeywords}, none
   * has {@code =} and one of {@code equalsKeywords} (ASCII case-insensitively, lines split at
   * {@code \n} as {@link Lines} does), and no secret occurs in them.
   */
  static boolean mayChange(
      byte[] bytes, List<String> colonKeywords, List<String> equalsKeywords, List<String> secrets) {
    if (!ascii(colonKeywords) || !ascii(equalsKeywords) || !ascii(secrets)) {
      return true;
    }
    for (String secret : secrets) {
      if (indexOf(bytes, secret.getBytes(StandardCharsets.US_ASCII)) >= 0) {
        return true;
      }
    }
    boolean[] colonFirst = firstBytes(colonKeywords);
    boolean[] equalsFirst = firstBytes(equalsKeywords);
    int start = 0;
    while (start < bytes.length) {
      boolean colon = false;
      boolean equals = false;
      boolean nonAscii = false;
      int end = start;
      for (; end < bytes.length && bytes[end] != '\n'; end++) {
        byte b = bytes[end];
        colon |= b == ':';
        equals |= b == '=';
        nonAscii |= b < 0;
      }
      // A line that reaches hasKeyword is all ASCII.
      if ((colon && (nonAscii || hasKeyword(bytes, start, end, colonKeywords, colonFirst)))
          || (equals && (nonAscii || hasKeyword(bytes, start, end, equalsKeywords, equalsFirst)))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean hasKeyword(
      byte[] bytes, int from, int to, List<String> keywords, boolean[] first) {
    for (int i = from; i < to; i++) {
      if (!first[bytes[i]]) {
        continue;
      }
      for (String keyword : keywords) {
        if (i + keyword.length() <= to && matchesAt(bytes, i, keyword)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The ASCII bytes the keywords start with, in either case. */
  private static boolean[] firstBytes(List<String> keywords) {
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

  private static boolean matchesAt(byte[] bytes, int at, String keyword) {
    for (int k = 0; k < keyword.length(); k++) {
      if (lower(bytes[at + k]) != lower((byte) keyword.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    if (part.length == 0) {
      return 0;
    }
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (bytes[i] == part[0] && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean ascii(List<String> texts) {
    return texts.stream().allMatch(t -> t.chars().allMatch(c -> c < 128));
  }
}
