package dev.parity.diff;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import dev.parity.run.Observation;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Line diffs that stay bounded in time and memory.
 *
 * <p>Lines become int ids (equal ids, equal lines) and the ids are diffed by {@link EditScript}:
 * minimal Myers for small middles, patience anchors first for large ones, under a time budget past
 * which what is left is compared line by line by position. That fallback is exact for in-place
 * changes, but for insertions it may show more lines than a minimal diff would, so the result says
 * {@link StreamDiff#approximate() approximate}. Only the lines a diff shows are decoded.
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
    return diff(stream, LinePair.of(legacy, candidate), names);
  }

  /**
   * Diffs two valid UTF-8 texts by their bytes: lines are split and compared as bytes, and only the
   * lines shown are decoded.
   */
  public StreamDiff diff(String stream, byte[] legacy, byte[] candidate, SideNames names) {
    return diff(stream, LinePair.of(legacy, candidate), names);
  }

  private StreamDiff diff(String stream, LinePair lines, SideNames names) {
    EditScript.Result script =
        EditScript.of(lines.legacy(), lines.candidate(), lines.ids(), budget.toNanos());
    // Every edit counts; only the first ones, up to the display limit, are shown.
    Patch<String> patch = new Patch<>();
    int removed = 0;
    int added = 0;
    int shownLines = 0;
    boolean cut = false;
    for (EditScript.Edit edit : adjacentMerged(script.edits())) {
      int sourceSize = edit.legacyTo() - edit.legacyFrom();
      int targetSize = edit.candidateTo() - edit.candidateFrom();
      removed += sourceSize;
      added += targetSize;
      if (shownLines > maxUnifiedLines) {
        cut = true;
        continue;
      }
      shownLines += sourceSize + targetSize + 2 * context + 1;
      List<String> source = texts(lines.legacyText(), edit.legacyFrom(), edit.legacyTo());
      List<String> target = texts(lines.candidateText(), edit.candidateFrom(), edit.candidateTo());
      Chunk<String> shownSource = shown(edit.legacyFrom(), source, target);
      Chunk<String> shownTarget = shown(edit.candidateFrom(), target, source);
      patch.addDelta(
          sourceSize == 0
              ? new InsertDelta<>(shownSource, shownTarget)
              : targetSize == 0
                  ? new DeleteDelta<>(shownSource, shownTarget)
                  : new ChangeDelta<>(shownSource, shownTarget));
    }
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            names.left() + "/" + path(stream),
            names.right() + "/" + path(stream),
            LongLines.cut(new Lazy(lines.legacyText(), lines.legacy().length)),
            patch,
            context);
    unified = removalsFirst(unified);
    return bounded(stream, removed, added, script.approximate(), cut, unified);
  }

  /**
   * Edits that touch merged into one change, so that a removed line and the added line that
   * replaces it (linear-space Myers reports them as a deletion then an insertion) are shown as a
   * pair, each cut around where they differ.
   */
  private static List<EditScript.Edit> adjacentMerged(List<EditScript.Edit> edits) {
    List<EditScript.Edit> merged = new ArrayList<>();
    for (EditScript.Edit edit : edits) {
      if (!merged.isEmpty()) {
        EditScript.Edit last = merged.get(merged.size() - 1);
        if (edit.legacyFrom() == last.legacyTo() && edit.candidateFrom() == last.candidateTo()) {
          merged.set(
              merged.size() - 1,
              new EditScript.Edit(
                  last.legacyFrom(), edit.legacyTo(), last.candidateFrom(), edit.candidateTo()));
          continue;
        }
      }
      merged.add(edit);
    }
    return merged;
  }

  private static List<String> texts(IntFunction<String> text, int from, int to) {
    List<String> lines = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      lines.add(text.apply(i));
    }
    return lines;
  }

  /**
   * A chunk as shown: at its place in the whole text, each line longer than {@link
   * StreamDiff#MAX_LINE_CHARS} cut around where it first differs from its counterpart in {@code
   * other} (the line at the same index of a change of as many lines).
   */
  private static Chunk<String> shown(int position, List<String> chunk, List<String> other) {
    List<String> lines = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      String counterpart = other.size() == chunk.size() ? other.get(i) : null;
      lines.add(LongLines.cut(chunk.get(i), counterpart));
    }
    return new Chunk<>(position, lines);
  }

  /** The lines of one side, decoded only when read (for context lines). */
  private static final class Lazy extends AbstractList<String> {
    private final IntFunction<String> text;
    private final int size;

    Lazy(IntFunction<String> text, int size) {
      this.text = text;
      this.size = size;
    }

    @Override
    public String get(int index) {
      return text.apply(index);
    }

    @Override
    public int size() {
      return size;
    }
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
}
