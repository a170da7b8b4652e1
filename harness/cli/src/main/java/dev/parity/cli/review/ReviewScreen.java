package dev.parity.cli.review;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import dev.parity.cli.ConsoleText;
import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Draws one pending result as styled lines: the facts, then the diff, unified or side by side, raw
 * or normalized. Styles only; whether they become colors is the terminal's business ({@code
 * NO_COLOR}).
 */
public final class ReviewScreen {
  /** The key help, also shown after an unknown key. */
  public static final String KEYS =
      "a accept  r reject  s skip  d detail  n raw/normalized  u unified/side by side"
          + "  A accept cluster  q quit";

  /** Narrower terminals get the unified diff even in side-by-side mode. */
  public static final int SIDE_BY_SIDE_WIDTH = 100;

  /** Lines shown when the terminal does not say its height. */
  static final int DEFAULT_HEIGHT = 40;

  /** Unchanged lines shown around each change side by side. */
  static final int CONTEXT = 2;

  private static final AttributedStyle BOLD = AttributedStyle.BOLD;
  private static final AttributedStyle REMOVED =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  private static final AttributedStyle ADDED =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle HUNK =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();

  private static final DiffRowGenerator ROWS =
      DiffRowGenerator.create()
          .lineNormalizer(Function.identity())
          .columnWidth(Integer.MAX_VALUE)
          .build();

  private ReviewScreen() {}

  /** The screen for the session's current result, {@code width} x {@code height} characters. */
  public static List<AttributedString> render(
      String suite, ReviewSession session, int width, int height) {
    List<AttributedString> lines = new ArrayList<>();
    int columns = width > 0 ? width : 80;
    int rows = height > 0 ? height : DEFAULT_HEIGHT;
    if (session.current().isEmpty()) {
      lines.add(plain("parity review " + suite + ": nothing left to review"));
      return lines;
    }
    ReviewItem item = session.current().get();
    boolean sideBySide = session.sideBySide() && columns >= SIDE_BY_SIDE_WIDTH;
    lines.add(
        styled(
            "parity review "
                + suite
                + "  case "
                + session.position()
                + " of "
                + session.total()
                + "  ["
                + (session.showRaw() ? "raw" : "normalized")
                + ", "
                + (sideBySide ? "side by side" : "unified")
                + "]",
            BOLD));
    lines.add(styled(item.caseId(), BOLD.foreground(AttributedStyle.YELLOW)));
    lines.add(
        plain(
            "pending "
                + (item.side() == Side.LEGACY ? "new legacy observation" : "candidate observation")
                + " from `parity "
                + item.info().source().label()
                + "` at "
                + item.info().at()
                + item.cluster().map(c -> ", cluster " + c).orElse("")));
    lines.add(plain("accepting " + item.acceptMeaning()));
    Comparison comparison = item.comparison(session.showRaw());
    List<Fact> facts = new ArrayList<>(comparison.facts());
    if (session.detail()) {
      facts.addAll(comparison.notes());
    }
    if (!item.hasGolden()) {
      lines.add(plain("no golden yet: this is a new case"));
    } else if (comparison.isIdentical()) {
      lines.add(plain("no difference in this view" + (session.showRaw() ? "" : " (try n: raw)")));
    }
    facts.forEach(f -> lines.add(plain("  " + f)));
    lines.add(AttributedString.EMPTY);
    List<AttributedString> diff =
        sideBySide ? sideBySide(item, session.showRaw(), comparison, columns) : unified(comparison);
    int room = Math.max(5, rows - lines.size() - 3);
    if (!session.detail() && diff.size() > room) {
      int left = diff.size() - room + 1;
      diff = new ArrayList<>(diff.subList(0, room - 1));
      diff.add(styled("... " + left + " more lines: press d for all of them", FAINT));
    }
    lines.addAll(diff);
    lines.add(AttributedString.EMPTY);
    if (!session.message().isEmpty()) {
      lines.add(styled(session.message(), BOLD));
    }
    lines.add(styled(KEYS, FAINT));
    return lines;
  }

  /** The unified diff of every differing stream, colored by line kind. */
  static List<AttributedString> unified(Comparison comparison) {
    List<AttributedString> out = new ArrayList<>();
    for (StreamDiff diff : comparison.diffs()) {
      for (String line : diff.unified().split("\n", -1)) {
        if (line.startsWith("---") || line.startsWith("+++")) {
          out.add(styled(line, BOLD));
        } else if (line.startsWith("@@")) {
          out.add(styled(line, HUNK));
        } else if (line.startsWith("-")) {
          out.add(styled(line, REMOVED));
        } else if (line.startsWith("+")) {
          out.add(styled(line, ADDED));
        } else if (!line.isEmpty()) {
          out.add(plain(line));
        }
      }
    }
    return out;
  }

  /** Two columns per differing text stream, changed rows with a little context. */
  static List<AttributedString> sideBySide(
      ReviewItem item, boolean showRaw, Comparison comparison, int width) {
    Observation left = showRaw ? item.views().goldenRaw() : item.views().goldenNormalized();
    Observation right = showRaw ? item.views().pendingRaw() : item.views().pendingNormalized();
    int column = (width - 3) / 2;
    List<AttributedString> out = new ArrayList<>();
    for (StreamDiff diff : comparison.diffs()) {
      byte[] a = left.streams().getOrDefault(diff.stream(), new byte[0]);
      byte[] b = right.streams().getOrDefault(diff.stream(), new byte[0]);
      if (diff.kind() == StreamDiff.Kind.BINARY
          || StreamContent.looksBinary(a)
          || StreamContent.looksBinary(b)) {
        out.addAll(unified(new Comparison(List.of(), List.of(diff), List.of())));
        continue;
      }
      out.add(
          new AttributedStringBuilder()
              .append(cell(item.names().left() + "/" + diff.stream(), column), BOLD)
              .append(" | ")
              .append(cell(item.names().right() + "/" + diff.stream(), column), BOLD)
              .toAttributedString());
      List<DiffRow> rows = ROWS.generateDiffRows(lines(a), lines(b));
      boolean[] shown = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).getTag() != DiffRow.Tag.EQUAL) {
          Arrays.fill(
              shown, Math.max(0, i - CONTEXT), Math.min(rows.size(), i + CONTEXT + 1), true);
        }
      }
      boolean gap = false;
      for (int i = 0; i < rows.size(); i++) {
        if (!shown[i]) {
          gap = true;
          continue;
        }
        if (gap) {
          out.add(styled("...", HUNK));
          gap = false;
        }
        out.add(row(rows.get(i), column));
      }
    }
    return out;
  }

  private static AttributedString row(DiffRow row, int column) {
    AttributedStyle leftStyle =
        row.getTag() == DiffRow.Tag.EQUAL || row.getTag() == DiffRow.Tag.INSERT
            ? AttributedStyle.DEFAULT
            : REMOVED;
    AttributedStyle rightStyle =
        row.getTag() == DiffRow.Tag.EQUAL || row.getTag() == DiffRow.Tag.DELETE
            ? AttributedStyle.DEFAULT
            : ADDED;
    char mark =
        switch (row.getTag()) {
          case EQUAL -> '|';
          case INSERT -> '>';
          case DELETE -> '<';
          case CHANGE -> '*';
        };
    return new AttributedStringBuilder()
        .append(cell(row.getOldLine(), column), leftStyle)
        .append(" " + mark + " ")
        .append(cell(row.getNewLine(), column), rightStyle)
        .toAttributedString();
  }

  /** A cell of exactly {@code width} characters: cut with a marker, or padded. */
  static String cell(String text, int width) {
    String visible = ConsoleText.line(text.replace('\t', ' '));
    if (visible.length() > width) {
      return visible.substring(0, Math.max(0, width - 1)) + "~";
    }
    return visible + " ".repeat(width - visible.length());
  }

  private static List<String> lines(byte[] bytes) {
    String text = StreamContent.lenientUtf8(bytes);
    if (text.isEmpty()) {
      return List.of();
    }
    return List.of(text.split("\n", -1));
  }

  /** Text from programs and suites never reaches the terminal with its control characters. */
  private static AttributedString plain(String text) {
    return new AttributedString(ConsoleText.line(text));
  }

  private static AttributedString styled(String text, AttributedStyle style) {
    return new AttributedString(ConsoleText.line(text), style);
  }
}
