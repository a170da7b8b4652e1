package dev.parity.verdict;

import dev.parity.diff.Fact;
import dev.parity.diff.LongLines;
import dev.parity.diff.StreamDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one capping helper every report writer uses: what a report writes per case (diffs, facts) is
 * bounded in bytes, and a cut text says where it was cut and where the outputs are. The comparison
 * itself is never cut; only what is written about it.
 */
public final class Excerpts {
  /** The diff text of one case in one report (verdict.json, junit.xml, Allure, ...), at most. */
  public static final int DIFF_BYTES = 64 * 1024;

  /** One fact, note or summary line, at most. */
  public static final int FACT_BYTES = 4 * 1024;

  private static final String CUT = "[parity: cut at ";

  private Excerpts() {}

  /**
   * {@code text} when its UTF-8 form has at most {@code maxBytes} bytes; else its longest prefix
   * that does, cut at a character boundary, and a note: {@code [parity: cut at 64 KiB of 58.6 MiB;
   * full output in observations/<case-id>/]}.
   */
  public static String cap(String text, int maxBytes, String caseId) {
    return cap(text, maxBytes, caseId, "\n");
  }

  /** Like {@link #cap(String, int, String)}, with the note on the same line (for one line). */
  public static String capLine(String text, int maxBytes, String caseId) {
    return cap(text, maxBytes, caseId, " ");
  }

  private static String cap(String text, int maxBytes, String caseId, String separator) {
    if (text.length() <= maxBytes / 4 || utf8Length(text) <= maxBytes) {
      return text;
    }
    String tail =
        separator + note(maxBytes, utf8Length(text), caseId) + ("\n".equals(separator) ? "\n" : "");
    // The note counts against the bound, so that capping a capped text changes nothing.
    long room = Math.max(0, maxBytes - utf8Length(tail));
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      char c = text.charAt(end);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
      if (bytes + size > room) {
        break;
      }
      bytes += size;
      end += size == 4 ? 2 : 1;
    }
    return text.substring(0, end) + tail;
  }

  /** The note a cut text ends with. */
  public static String note(long maxBytes, long totalBytes, String caseId) {
    return CUT
        + size(maxBytes)
        + " of "
        + size(totalBytes)
        + "; full output in observations/"
        + caseId
        + "/]";
  }

  /** One case as reports write it: its diffs share {@link #DIFF_BYTES}, each fact is capped. */
  public static CaseResult capped(CaseResult result) {
    List<StreamDiff> diffs = new ArrayList<>();
    int budget = DIFF_BYTES;
    for (StreamDiff diff : result.diffs()) {
      if (diff.truncated() && diff.unified().endsWith("/]\n") && diff.unified().contains(CUT)) {
        // Already cut by an earlier report (parity report rebuilds from verdict.json): keep it.
        budget = 0;
        diffs.add(diff);
        continue;
      }
      String unified = cap(diff.unified(), Math.max(0, budget), result.id());
      // cap returns its argument itself when nothing was cut.
      boolean cut = unified != diff.unified();
      budget -= cut ? budget : utf8Length(unified);
      diffs.add(
          cut
              ? new StreamDiff(
                  diff.stream(),
                  diff.kind(),
                  diff.removed(),
                  diff.added(),
                  diff.approximate(),
                  true,
                  unified)
              : diff);
    }
    return result.toBuilder()
        .summary(cap(result.summary(), FACT_BYTES, result.id()))
        .facts(facts(result.facts(), result.id()))
        .notes(facts(result.notes(), result.id()))
        .diffs(diffs)
        .noise(facts(result.noise(), result.id()))
        .build();
  }

  /** A verdict as reports write it: every case {@link #capped(CaseResult) capped}. */
  public static Verdict capped(Verdict verdict) {
    return verdict.toBuilder()
        .fixtures(verdict.fixtures().stream().map(Excerpts::capped).toList())
        .build();
  }

  private static List<Fact> facts(List<Fact> facts, String caseId) {
    return facts.stream()
        .map(f -> new Fact(f.key(), cap(f.message(), FACT_BYTES, caseId)))
        .toList();
  }

  /** The length of {@code text} in UTF-8, counted without encoding it. */
  public static long utf8Length(String text) {
    return LongLines.utf8Length(text);
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%d KiB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
