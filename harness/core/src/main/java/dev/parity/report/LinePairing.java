package dev.parity.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which removed and added lines of one change are the same line edited: pairs in order, each of two
 * lines sharing at least half their words and signs, as many and as alike as possible. A removed
 * line with no such partner is shown as removed, not beside whatever added line happens to have the
 * same position.
 */
final class LinePairing {
  /** Two lines are the same line edited when their token overlap (Dice) is at least this. */
  static final double ALIKE = 0.5;

  /**
   * Changes larger than this (removed x added lines) are paired greedily: the search is quadratic.
   */
  static final int MAX_CELLS = 10_000;

  /** How far ahead the search for large changes looks for an alike line. */
  static final int WINDOW = 8;

  /** Tokens compared per line, at most. */
  private static final int MAX_TOKENS = 200;

  private static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]");

  private LinePairing() {}

  /** Index pairs {@code [removed, added]}, increasing in both. */
  static List<int[]> of(List<String> removed, List<String> added) {
    int n = removed.size();
    int m = added.size();
    if (n == 0 || m == 0) {
      return List.of();
    }
    List<Map<String, Integer>> a = new ArrayList<>(n);
    removed.forEach(line -> a.add(tokens(line)));
    List<Map<String, Integer>> b = new ArrayList<>(m);
    added.forEach(line -> b.add(tokens(line)));
    if ((long) n * m > MAX_CELLS) {
      return greedy(a, b);
    }
    double[][] best = new double[n + 1][m + 1];
    double[][] alike = new double[n][m];
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        alike[i - 1][j - 1] = dice(a.get(i - 1), b.get(j - 1));
        double pair = alike[i - 1][j - 1] >= ALIKE ? best[i - 1][j - 1] + alike[i - 1][j - 1] : -1;
        best[i][j] = Math.max(pair, Math.max(best[i - 1][j], best[i][j - 1]));
      }
    }
    List<int[]> pairs = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 && j > 0) {
      if (alike[i - 1][j - 1] >= ALIKE && best[i][j] == best[i - 1][j - 1] + alike[i - 1][j - 1]) {
        pairs.add(0, new int[] {i - 1, j - 1});
        i--;
        j--;
      } else if (best[i][j] == best[i - 1][j]) {
        i--;
      } else {
        j--;
      }
    }
    return pairs;
  }

  /**
   * For changes too large to search in full: walks both sides together, pairing alike lines, and
   * past an unlike pair looks up to {@link #WINDOW} lines ahead on either side for the next alike
   * one. Linear, possibly fewer pairs than the full search.
   */
  private static List<int[]> greedy(List<Map<String, Integer>> a, List<Map<String, Integer>> b) {
    List<int[]> pairs = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (dice(a.get(i), b.get(j)) >= ALIKE) {
        pairs.add(new int[] {i++, j++});
        continue;
      }
      int skip = 0;
      for (int k = 1; k <= WINDOW && skip == 0; k++) {
        if (j + k < b.size() && dice(a.get(i), b.get(j + k)) >= ALIKE) {
          skip = k;
        } else if (i + k < a.size() && dice(a.get(i + k), b.get(j)) >= ALIKE) {
          skip = -k;
        }
      }
      if (skip > 0) {
        j += skip;
      } else if (skip < 0) {
        i -= skip;
      } else {
        i++;
        j++;
      }
    }
    return pairs;
  }

  private static Map<String, Integer> tokens(String line) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = TOKEN.matcher(line);
    for (int k = 0; k < MAX_TOKENS && m.find(); k++) {
      counts.merge(m.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static double dice(Map<String, Integer> a, Map<String, Integer> b) {
    int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
    int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
    if (sizeA + sizeB == 0) {
      return 1;
    }
    int common = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    }
    return 2.0 * common / (sizeA + sizeB);
  }
}
