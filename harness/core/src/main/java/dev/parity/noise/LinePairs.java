package dev.parity.noise;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The differing lines of two runs' texts, paired for token analysis. */
final class LinePairs {
  private static final int MAX_DIFF_LINES = 20_000;

  private LinePairs() {}

  /** How many lines differ between the two texts, as {@link #pairs} pairs them. */
  static int differingLines(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int count = 0;
    for (LinePair pair : pairs(a, b)) {
      count +=
          pair.left() == null || pair.right() == null || !pair.left().equals(pair.right()) ? 1 : 0;
    }
    return count;
  }

  /** Two lines that differ; a line with no partner has a null one. */
  record LinePair(@Nullable String left, @Nullable String right) {}

  /**
   * Lines of both texts paired for token analysis: by position when the line counts are equal
   * (noise rarely adds lines) or the texts are large, otherwise by a minimal diff. Unpaired lines
   * have a null partner. Bounded: Myers is never run on more than {@link #MAX_DIFF_LINES} lines.
   */
  static List<LinePair> pairs(String a, String b) {
    List<String> left = List.of(a.split("\n", -1));
    List<String> right = List.of(b.split("\n", -1));
    List<LinePair> pairs = new ArrayList<>();
    if (left.size() == right.size() || left.size() + right.size() > MAX_DIFF_LINES) {
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        String l = i < left.size() ? left.get(i) : null;
        String r = i < right.size() ? right.get(i) : null;
        if (l == null || !l.equals(r)) {
          pairs.add(new LinePair(l, r));
        }
      }
      return pairs;
    }
    Patch<String> patch = DiffUtils.diff(left, right);
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      List<String> source = delta.getSource().getLines();
      List<String> target = delta.getTarget().getLines();
      for (int i = 0; i < Math.max(source.size(), target.size()); i++) {
        pairs.add(
            new LinePair(
                i < source.size() ? source.get(i) : null,
                i < target.size() ? target.get(i) : null));
      }
    }
    return pairs;
  }
}
