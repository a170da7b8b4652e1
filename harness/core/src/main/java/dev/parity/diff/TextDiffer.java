package dev.parity.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import dev.parity.run.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Line diffs that stay bounded in time and memory.
 *
 * <p>The common head and tail are cut first; the middle is diffed with java-diff-utils'
 * linear-space Myers algorithm under a time budget. Myers costs O((N+M)·D), so when many lines
 * differ (100k lines, 10% changed) the budget runs out and the middle is compared line by line by
 * position instead. That fallback is exact for in-place changes, but for insertions it may show
 * more lines than a minimal diff would, so the result says {@link StreamDiff#approximate()
 * approximate}.
 */
public final class TextDiffer {
  private final Duration budget;
  private final int maxUnifiedLines;
  private final int context;

  public TextDiffer() {
    this(Duration.ofMillis(750), 2_000, 3);
  }

  public TextDiffer(Duration budget, int maxUnifiedLines, int context) {
    this.budget = budget;
    this.maxUnifiedLines = maxUnifiedLines;
    this.context = context;
  }

  /** Diffs two texts already split into lines; never throws for large inputs. */
  public StreamDiff diff(String stream, List<String> legacy, List<String> candidate) {
    return diff(stream, legacy, candidate, SideNames.LIVE);
  }

  /** The same, with the diff headers naming the two sides {@code names}. */
  public StreamDiff diff(
      String stream, List<String> legacy, List<String> candidate, SideNames names) {
    int prefix = 0;
    int max = Math.min(legacy.size(), candidate.size());
    while (prefix < max && legacy.get(prefix).equals(candidate.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && legacy
            .get(legacy.size() - 1 - suffix)
            .equals(candidate.get(candidate.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> left = legacy.subList(prefix, legacy.size() - suffix);
    List<String> right = candidate.subList(prefix, candidate.size() - suffix);

    boolean approximate = false;
    Patch<String> middle;
    try {
      middle =
          DiffUtils.diff(
              left, right, new MyersDiffWithLinearSpace<>(new Budgeted(budget)), null, false);
    } catch (BudgetExceeded e) {
      middle = positional(left, right);
      approximate = true;
    }
    // Every delta counts; only the first ones, up to the display limit, are shown.
    Patch<String> patch = new Patch<>();
    int removed = 0;
    int added = 0;
    int shownLines = 0;
    boolean cut = false;
    for (AbstractDelta<String> delta : adjacentMerged(middle.getDeltas())) {
      Chunk<String> source = delta.getSource();
      Chunk<String> target = delta.getTarget();
      removed += source.size();
      added += target.size();
      if (shownLines > maxUnifiedLines) {
        cut = true;
        continue;
      }
      shownLines += source.size() + target.size() + 2 * context + 1;
      patch.addDelta(
          delta.withChunks(
              shown(source, target, prefix, true), shown(target, source, prefix, false)));
    }
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            names.left() + "/" + path(stream),
            names.right() + "/" + path(stream),
            LongLines.cut(legacy),
            patch,
            context);
    unified = removalsFirst(unified);
    return bounded(stream, removed, added, approximate, cut, unified);
  }

  /**
   * Deltas that touch merged into one change, so that a removed line and the added line that
   * replaces it (linear-space Myers reports them as a deletion then an insertion) are shown as a
   * pair, each cut around where they differ.
   */
  private static List<AbstractDelta<String>> adjacentMerged(List<AbstractDelta<String>> deltas) {
    List<AbstractDelta<String>> merged = new ArrayList<>();
    for (AbstractDelta<String> delta : deltas) {
      if (!merged.isEmpty()) {
        AbstractDelta<String> last = merged.get(merged.size() - 1);
        Chunk<String> s = last.getSource();
        Chunk<String> t = last.getTarget();
        if (delta.getSource().getPosition() == s.getPosition() + s.size()
            && delta.getTarget().getPosition() == t.getPosition() + t.size()) {
          List<String> source = new ArrayList<>(s.getLines());
          source.addAll(delta.getSource().getLines());
          List<String> target = new ArrayList<>(t.getLines());
          target.addAll(delta.getTarget().getLines());
          merged.set(
              merged.size() - 1,
              new ChangeDelta<>(
                  new Chunk<>(s.getPosition(), source), new Chunk<>(t.getPosition(), target)));
          continue;
        }
      }
      merged.add(delta);
    }
    return merged;
  }

  /**
   * A chunk as shown: at its place in the whole text, each line longer than {@link
   * StreamDiff#MAX_LINE_CHARS} cut around where it first differs from its counterpart in {@code
   * other} (the line at the same index of a change of as many lines).
   */
  private static Chunk<String> shown(
      Chunk<String> chunk, Chunk<String> other, int offset, boolean legacy) {
    List<String> lines = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      String counterpart = other.size() == chunk.size() ? other.getLines().get(i) : null;
      lines.add(LongLines.cut(chunk.getLines().get(i), counterpart));
    }
    return new Chunk<>(chunk.getPosition() + offset, lines);
  }

  /**
   * The diff with its text cut at {@link #maxUnifiedLines} lines and {@link
   * StreamDiff#MAX_UNIFIED_BYTES}.
   */
  private StreamDiff bounded(
      String stream,
      int removed,
      int added,
      boolean approximate,
      boolean cut,
      List<String> unified) {
    StringBuilder text = new StringBuilder();
    long bytes = 0;
    int lines = 0;
    boolean truncated = cut;
    for (String line : unified) {
      long size = LongLines.utf8Length(line) + 1;
      if (lines >= maxUnifiedLines || bytes + size > StreamDiff.MAX_UNIFIED_BYTES) {
        truncated = true;
        break;
      }
      text.append(line).append('\n');
      bytes += size;
      lines++;
    }
    if (truncated) {
      text.append(StreamDiff.cutNote()).append('\n');
    }
    return new StreamDiff(
        stream, StreamDiff.Kind.TEXT, removed, added, approximate, truncated, text.toString());
  }

  /**
   * The stream as a path in diff headers: output files by their own path, e.g. {@code
   * legacy/out/a.csv}.
   */
  private static String path(String stream) {
    return stream.startsWith(Observation.FILE_PREFIX)
        ? stream.substring(Observation.FILE_PREFIX.length())
        : stream;
  }

  /** Within each run of changed lines, shows removals before additions, as GNU diff and git do. */
  private static List<String> removalsFirst(List<String> unified) {
    List<String> ordered = new ArrayList<>(unified.size());
    List<String> added = new ArrayList<>();
    for (int i = 0; i < unified.size(); i++) {
      String line = unified.get(i);
      boolean header = i < 2;
      if (!header && line.startsWith("+")) {
        added.add(line);
      } else if (!header && line.startsWith("-")) {
        ordered.add(line);
      } else {
        ordered.addAll(added);
        added.clear();
        ordered.add(line);
      }
    }
    ordered.addAll(added);
    return ordered;
  }

  /** Pairs lines by position; runs of differing lines become one change each. */
  private static Patch<String> positional(List<String> left, List<String> right) {
    Patch<String> patch = new Patch<>();
    int length = Math.max(left.size(), right.size());
    int start = -1;
    for (int i = 0; i <= length; i++) {
      boolean differs =
          i < length
              && (i >= left.size() || i >= right.size() || !left.get(i).equals(right.get(i)));
      if (differs && start < 0) {
        start = i;
      } else if (!differs && start >= 0) {
        Chunk<String> source =
            new Chunk<>(
                start,
                new ArrayList<>(
                    left.subList(Math.min(start, left.size()), Math.min(i, left.size()))));
        Chunk<String> target =
            new Chunk<>(
                start,
                new ArrayList<>(
                    right.subList(Math.min(start, right.size()), Math.min(i, right.size()))));
        patch.addDelta(
            source.size() == 0
                ? new InsertDelta<>(source, target)
                : target.size() == 0
                    ? new DeleteDelta<>(source, target)
                    : new ChangeDelta<>(source, target));
        start = -1;
      }
    }
    return patch;
  }

  /** Line equality that aborts the diff once its time budget is spent. */
  private static final class Budgeted implements BiPredicate<String, String> {
    private final long deadline;
    private long calls;

    Budgeted(Duration budget) {
      this.deadline = System.nanoTime() + budget.toNanos();
    }

    @Override
    public boolean test(String a, String b) {
      if ((++calls & 0x3FFF) == 0 && System.nanoTime() > deadline) {
        throw new BudgetExceeded();
      }
      return Objects.equals(a, b);
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
