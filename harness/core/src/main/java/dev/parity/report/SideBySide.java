package dev.parity.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Side-by-side rows with word-level highlights from java-diff-utils' {@link DiffRowGenerator}, as
 * plain data for the HTML report: no markup is produced here, so nothing needs unescaping later.
 *
 * <p>The generator runs on raw text (identity line normalizer) with control-character placeholders
 * as inline tags; each line is then split at the placeholders into alternating plain and
 * highlighted segments, which the page renders as text nodes.
 *
 * <p>Rows: {@code ["e", text]} for an unchanged line, {@code ["c", oldSegments, newSegments]} for a
 * changed, deleted ({@code "d"}) or inserted ({@code "i"}) line, {@code ["s", n]} for n unchanged
 * lines left out between hunks.
 */
final class SideBySide {
  static final int CONTEXT = 3;

  /** Fewer unchanged lines than this are shown rather than skipped. */
  static final int MIN_SKIP = 8;

  static final int MAX_LINES = 20_000;
  private static final String START = "\u0001";
  private static final String END = "\u0002";

  private static final DiffRowGenerator GENERATOR =
      DiffRowGenerator.create()
          .showInlineDiffs(true)
          .inlineDiffByWord(true)
          .lineNormalizer(Function.identity())
          .oldTag((Function<Boolean, String>) start -> start ? START : END)
          .newTag((Function<Boolean, String>) start -> start ? START : END)
          .columnWidth(Integer.MAX_VALUE)
          .build();

  private SideBySide() {}

  /** The rows of two texts, each cut to {@link #MAX_LINES} lines. */
  static Rows of(List<String> legacy, List<String> candidate) {
    boolean cut = legacy.size() > MAX_LINES || candidate.size() > MAX_LINES;
    List<String> left = clean(legacy.subList(0, Math.min(MAX_LINES, legacy.size())));
    List<String> right = clean(candidate.subList(0, Math.min(MAX_LINES, candidate.size())));
    List<DiffRow> rows = rows(left, right);
    JsonNodeFactory json = JsonNodeFactory.instance;
    ArrayNode out = json.arrayNode();
    int changed = 0;
    for (int i = 0; i < rows.size(); i++) {
      DiffRow row = rows.get(i);
      if (row.getTag() == DiffRow.Tag.EQUAL) {
        int end = i;
        while (end < rows.size() && rows.get(end).getTag() == DiffRow.Tag.EQUAL) {
          end++;
        }
        // Keep CONTEXT lines after the previous change and before the next one, skip the rest.
        int keepHead = i == 0 ? 0 : CONTEXT;
        int keepTail = end == rows.size() ? 0 : CONTEXT;
        int run = end - i;
        if (run - keepHead - keepTail >= MIN_SKIP) {
          for (int k = i; k < i + keepHead; k++) {
            out.add(json.arrayNode().add("e").add(rows.get(k).getOldLine()));
          }
          out.add(json.arrayNode().add("s").add(run - keepHead - keepTail));
          for (int k = end - keepTail; k < end; k++) {
            out.add(json.arrayNode().add("e").add(rows.get(k).getOldLine()));
          }
        } else {
          for (int k = i; k < end; k++) {
            out.add(json.arrayNode().add("e").add(rows.get(k).getOldLine()));
          }
        }
        i = end - 1;
        continue;
      }
      changed++;
      String tag =
          row.getTag() == DiffRow.Tag.DELETE ? "d" : row.getTag() == DiffRow.Tag.INSERT ? "i" : "c";
      out.add(
          json.arrayNode()
              .add(tag)
              .add(segments(row.getOldLine()))
              .add(segments(row.getNewLine())));
    }
    return new Rows(out, changed, cut);
  }

  /**
   * The rows along the line diff's edit script: unchanged lines side by side where the script
   * aligns them, and inside each change only lines that resemble each other paired (with word
   * highlights); the others are removed or added rows of their own, never paired by position.
   */
  private static List<DiffRow> rows(List<String> left, List<String> right) {
    List<DiffRow> rows = new ArrayList<>();
    int l = 0;
    int r = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(left, right).getDeltas()) {
      for (; l < delta.getSource().getPosition(); l++, r++) {
        rows.add(new DiffRow(DiffRow.Tag.EQUAL, left.get(l), right.get(r)));
      }
      List<String> removed = delta.getSource().getLines();
      List<String> added = delta.getTarget().getLines();
      int i = 0;
      int j = 0;
      for (int[] pair : LinePairing.of(removed, added)) {
        for (; i < pair[0]; i++) {
          rows.add(new DiffRow(DiffRow.Tag.DELETE, removed.get(i), ""));
        }
        for (; j < pair[1]; j++) {
          rows.add(new DiffRow(DiffRow.Tag.INSERT, "", added.get(j)));
        }
        rows.addAll(GENERATOR.generateDiffRows(List.of(removed.get(i++)), List.of(added.get(j++))));
      }
      for (; i < removed.size(); i++) {
        rows.add(new DiffRow(DiffRow.Tag.DELETE, removed.get(i), ""));
      }
      for (; j < added.size(); j++) {
        rows.add(new DiffRow(DiffRow.Tag.INSERT, "", added.get(j)));
      }
      l += removed.size();
      r += added.size();
    }
    for (; l < left.size(); l++, r++) {
      rows.add(new DiffRow(DiffRow.Tag.EQUAL, left.get(l), right.get(r)));
    }
    return rows;
  }

  /** Rows as JSON, how many rows changed, whether the inputs were cut. */
  record Rows(ArrayNode rows, int changed, boolean cut) {}

  /** Alternating plain and highlighted pieces of one generated line, starting with plain. */
  static ArrayNode segments(String line) {
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    StringBuilder current = new StringBuilder();
    boolean highlighted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == START.charAt(0) && !highlighted) {
        parts.add(current.toString());
        current.setLength(0);
        highlighted = true;
      } else if (c == END.charAt(0) && highlighted) {
        parts.add(current.toString());
        current.setLength(0);
        highlighted = false;
      } else if (c != START.charAt(0) && c != END.charAt(0)) {
        current.append(c);
      }
    }
    parts.add(current.toString());
    if (highlighted) {
      parts.add("");
    }
    return parts;
  }

  /** The placeholders must not occur in the text itself. */
  private static List<String> clean(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line.replace(START, "\uFFFD").replace(END, "\uFFFD"));
    }
    return out;
  }
}
