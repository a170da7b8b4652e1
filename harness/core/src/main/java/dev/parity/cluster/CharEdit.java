package dev.parity.cluster;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A replaced token whose two versions are mostly the same characters: the characters inserted or
 * removed, the same whatever the token ({@code ONE} -> {@code Uone} and {@code THE} -> {@code Uthe}
 * are both {@code letter case, `U` inserted}), with letter case changes noted.
 */
final class CharEdit {
  /** Tokens longer than this are compared as tokens only. */
  private static final int MAX_CHARS = 200;

  private static final Pattern DIGIT = Pattern.compile("\\d");

  private CharEdit() {}

  /**
   * The edit as a class, when the two share at least half of their characters, letter case aside.
   */
  static Optional<Change> of(String legacy, String candidate) {
    // Digits differ from case to case: a token with digits is compared by its masked shape.
    if (legacy.length() > MAX_CHARS
        || candidate.length() > MAX_CHARS
        || DIGIT.matcher(legacy).find()
        || DIGIT.matcher(candidate).find()) {
      return Optional.empty();
    }
    String a = Tokens.lower(legacy);
    String b = Tokens.lower(candidate);
    int[][] lcs = new int[a.length() + 1][b.length() + 1];
    for (int i = a.length() - 1; i >= 0; i--) {
      for (int j = b.length() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.charAt(i) == b.charAt(j)
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    if (lcs[0][0] == 0 || 2 * lcs[0][0] < Math.max(a.length(), b.length())) {
      return Optional.empty();
    }
    StringBuilder inserted = new StringBuilder();
    StringBuilder removed = new StringBuilder();
    boolean caseChanged = false;
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      if (i < a.length() && j < b.length() && a.charAt(i) == b.charAt(j)) {
        caseChanged |= legacy.charAt(i) != candidate.charAt(j);
        i++;
        j++;
      } else if (j == b.length() || (i < a.length() && lcs[i + 1][j] >= lcs[i][j + 1])) {
        removed.append(legacy.charAt(i++));
      } else {
        inserted.append(candidate.charAt(j++));
      }
    }
    StringBuilder key = new StringBuilder(caseChanged ? "letter case" : "");
    if (removed.length() > 0) {
      key.append(key.length() > 0 ? ", " : "")
          .append(TextEdit.shown(removed.toString()))
          .append(" removed");
    }
    if (inserted.length() > 0) {
      key.append(key.length() > 0 ? ", " : "")
          .append(TextEdit.shown(inserted.toString()))
          .append(" inserted");
    }
    String name =
        key
            + " (`"
            + TextEdit.cut(legacy, TextEdit.SHOWN_CHARS)
            + "` -> `"
            + TextEdit.cut(candidate, TextEdit.SHOWN_CHARS)
            + "`)";
    return Optional.of(new Change(key.toString(), name));
  }
}
