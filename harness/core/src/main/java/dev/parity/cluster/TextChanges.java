package dev.parity.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The changes of a text stream from its unified diff: within each run of changed lines, removed and
 * added lines are paired by similarity (in order); a pair is classified by its token edit ({@link
 * TextEdit}), lines left unpaired are lines added or removed, at the start, at the end or in the
 * middle.
 */
final class TextChanges {
  /** Runs longer than this (both sides multiplied) are paired by position. */
  private static final int MAX_CELLS = 40_000;

  /** Paired lines need at least this share of tokens in common (letter case aside). */
  private static final double SIMILAR = 0.5;

  /**
   * The class of a text of which the other side has nothing, e.g. a program that printed nothing.
   */
  static final String WHOLE_REMOVED = "all lines removed";

  static final String WHOLE_ADDED = "all lines added";

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final char REPLACEMENT = '\uFFFD';
  private static final Pattern SPACE_OR_NON_ASCII = Pattern.compile("[\\s\\P{ASCII}]+");

  private TextChanges() {}

  /**
   * Both sides hold the same text broken into lines differently (non-ASCII characters aside: a tool
   * that counts bytes may break a character in two, shown as replacement characters).
   */
  private static boolean rewrapped(List<String> a, List<String> b) {
    String x = String.join("", a);
    String y = String.join("", b);
    if (SPACES.matcher(x).replaceAll("").equals(SPACES.matcher(y).replaceAll(""))) {
      return true;
    }
    boolean brokenCharacter = x.indexOf(REPLACEMENT) >= 0 || y.indexOf(REPLACEMENT) >= 0;
    String strippedX = SPACE_OR_NON_ASCII.matcher(x).replaceAll("");
    return brokenCharacter
        && !strippedX.isEmpty()
        && strippedX.equals(SPACE_OR_NON_ASCII.matcher(y).replaceAll(""));
  }

  static Set<Change> of(String unified) {
    Set<Change> changes = new LinkedHashSet<>();
    for (Hunks.Run run : Hunks.of(unified)) {
      changes.addAll(ofRun(run));
    }
    return changes;
  }

  private static Set<Change> ofRun(Hunks.Run run) {
    List<String> a = run.removed();
    List<String> b = run.added();
    if (run.atStart() && run.atEnd() && (a.isEmpty() || b.isEmpty())) {
      return Set.of(Change.of(a.isEmpty() ? WHOLE_ADDED : WHOLE_REMOVED));
    }
    if (!a.isEmpty() && !b.isEmpty() && Math.max(a.size(), b.size()) > 1 && rewrapped(a, b)) {
      String how =
          a.size() < b.size() ? " into more lines" : a.size() > b.size() ? " into fewer lines" : "";
      return Set.of(Change.of("lines re-wrapped" + how));
    }
    int[] pairOf = pairs(a, b);
    Set<Change> edits = new LinkedHashSet<>();
    int firstPaired = a.size();
    int lastPaired = -1;
    List<Integer> pairedB = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (pairOf[i] >= 0) {
        firstPaired = Math.min(firstPaired, i);
        lastPaired = i;
        pairedB.add(pairOf[i]);
        String x = a.get(i);
        String y = b.get(pairOf[i]);
        if (x.equals(y)) {
          edits.add(
              Change.of(
                  run.legacyNoNewline()
                      ? "newline added at end of text"
                      : "newline at end of text removed"));
        } else {
          edits.addAll(TextEdit.of(x, y));
        }
      }
    }
    int firstB = pairedB.isEmpty() ? b.size() : pairedB.get(0);
    int lastB = pairedB.isEmpty() ? -1 : pairedB.get(pairedB.size() - 1);
    Set<Integer> pairedSet = new HashSet<>(pairedB);
    // Lines missing or extra first: they say what a reader sees first ("fewer lines").
    Set<Change> changes = new LinkedHashSet<>();
    unpaired(changes, "removed", run, a, i -> pairOf[i] >= 0, firstPaired, lastPaired);
    unpaired(changes, "added", run, b, pairedSet::contains, firstB, lastB);
    changes.addAll(edits);
    return changes;
  }

  private static void unpaired(
      Set<Change> changes,
      String verb,
      Hunks.Run run,
      List<String> lines,
      IntPredicate paired,
      int first,
      int last) {
    Map<String, List<String>> byPlace = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (paired.test(i)) {
        continue;
      }
      String place =
          run.atStart() && i < first ? "at start" : run.atEnd() && i > last ? "at end" : "";
      byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(lines.get(i));
    }
    byPlace.forEach(
        (place, removed) -> {
          boolean blank = removed.stream().allMatch(String::isBlank);
          String what = blank ? (removed.size() == 1 ? "blank line" : "blank lines") : "lines";
          changes.add(Change.of(what + " " + verb + (place.isEmpty() ? "" : " " + place)));
        });
  }

  /**
   * For each legacy line the candidate line it is paired with, or -1: the most pairs of similar
   * lines in the same order (a longest common subsequence over similarity), or by position when the
   * run is too long for that or both sides have as many lines and none pair up otherwise.
   */
  static int[] pairs(List<String> a, List<String> b) {
    int[] pairOf = new int[a.size()];
    Arrays.fill(pairOf, -1);
    if ((long) a.size() * b.size() > MAX_CELLS) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        pairOf[i] = i;
      }
      return pairOf;
    }
    List<Map<String, Integer>> bagsA = a.stream().map(TextChanges::bag).toList();
    List<Map<String, Integer>> bagsB = b.stream().map(TextChanges::bag).toList();
    boolean[][] similar = new boolean[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        similar[i][j] = similarity(bagsA.get(i), bagsB.get(j)) >= SIMILAR;
      }
    }
    int[][] best = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        best[i][j] =
            Math.max(
                similar[i][j] ? best[i + 1][j + 1] + 1 : 0,
                Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    if (best[0][0] == 0 && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        pairOf[i] = i;
      }
      return pairOf;
    }
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (similar[i][j] && best[i][j] == best[i + 1][j + 1] + 1) {
        pairOf[i++] = j++;
      } else if (best[i + 1][j] >= best[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return pairOf;
  }

  /** A line's tokens, letter case and digits aside, with their counts. */
  private static Map<String, Integer> bag(String line) {
    Map<String, Integer> bag = new HashMap<>();
    for (String token : Tokens.words(Tokens.lower(line))) {
      bag.merge(token.replaceAll("\\d", "0"), 1, Integer::sum);
    }
    return bag;
  }

  private static double similarity(Map<String, Integer> x, Map<String, Integer> y) {
    int total = 0;
    int common = 0;
    for (Map.Entry<String, Integer> e : x.entrySet()) {
      total += e.getValue();
      common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
    }
    for (int count : y.values()) {
      total += count;
    }
    return total == 0 ? 1.0 : 2.0 * common / total;
  }
}
