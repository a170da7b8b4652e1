package dev.parity.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.archive.RunArchive;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.JsonDiffer;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.SideNames;
import dev.parity.diff.StreamDiff;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One case's detail block, parsed only when the case is opened: facts, repro commands, values and
 * each differing stream side by side (normalized, and raw where it differs), with JSON pointers.
 */
final class CaseDetails {
  /** JSON Pointers listed per stream, at most. */
  static final int MAX_POINTERS = 200;

  /** Text per side and view shown side by side, at most; the rest is in observations/. */
  static final int VIEW_BYTES = 256 * 1024;

  /** One line shown side by side, at most. */
  static final int LINE_BYTES = 16 * 1024;

  private CaseDetails() {}

  /**
   * The detail block of one case; a passing case has only facts, notes, repro commands and
   * durations, a case without archived observations its stored diff.
   */
  static ObjectNode of(CaseResult result, RunArchive archive, String mode) {
    ObjectNode d = HtmlPage.JSON.createObjectNode();
    d.set("facts", facts(result.facts()));
    List<Fact> notes = new ArrayList<>(result.notes());
    notes.addAll(result.discountedFacts());
    result.accepted().ifPresent(a -> notes.add(0, new Fact("accepted", a.sentence())));
    d.set("notes", facts(notes));
    ObjectNode repro = d.putObject("repro");
    for (Side side : Side.values()) {
      // In record mode the golden has no command of its own: the new legacy run's is the one.
      if (!(mode.equals("record") && side == Side.LEGACY)) {
        archive.repro(result.id(), side).ifPresent(r -> repro.put(side.label(), r));
      }
    }
    if (mode.equals("verify")) {
      d.put("legacyIs", "golden");
    }
    ArrayNode sides = d.putArray("sides");
    sides(mode).forEach(sides::add);
    ObjectNode durations = d.putObject("durationsMs");
    new TreeMap<>(result.durationsMs()).forEach(durations::put);
    result.reproducer().ifPresent(r -> d.set("reproducer", HtmlPage.JSON.valueToTree(r)));
    if (result.status() == Status.PASS) {
      return d;
    }
    ArrayNode streams = d.putArray("streams");
    Optional<Observation> legacyNormalized =
        archive.read(result.id(), Side.LEGACY, RunArchive.View.NORMALIZED);
    Optional<Observation> candidateNormalized =
        archive.read(result.id(), Side.CANDIDATE, RunArchive.View.NORMALIZED);
    if (legacyNormalized.isEmpty() || candidateNormalized.isEmpty()) {
      d.put("unified", result.diff());
      return d;
    }
    Observation legacyRaw =
        archive.read(result.id(), Side.LEGACY, RunArchive.View.RAW).orElseThrow();
    Observation candidateRaw =
        archive.read(result.id(), Side.CANDIDATE, RunArchive.View.RAW).orElseThrow();
    ArrayNode values = d.putArray("values");
    TreeSet<String> valueNames = new TreeSet<>(legacyRaw.values().keySet());
    valueNames.addAll(candidateRaw.values().keySet());
    valueNames.remove(RunArchive.TRUNCATED);
    for (String name : valueNames) {
      values
          .addArray()
          .add(ObservationComparator.label(name))
          .add(legacyRaw.values().getOrDefault(name, "(none)"))
          .add(candidateRaw.values().getOrDefault(name, "(none)"));
    }
    Map<String, StreamDiff> diffs = new HashMap<>();
    result.diffs().forEach(s -> diffs.put(s.stream(), s));
    TreeSet<String> names = new TreeSet<>(legacyRaw.streams().keySet());
    names.addAll(candidateRaw.streams().keySet());
    for (String name : names) {
      byte[] ln = legacyNormalized.get().streams().get(name);
      byte[] cn = candidateNormalized.get().streams().get(name);
      byte[] lr = legacyRaw.streams().get(name);
      byte[] cr = candidateRaw.streams().get(name);
      boolean normalizedDiffers = !Arrays.equals(ln, cn);
      boolean rawDiffers = !Arrays.equals(lr, cr);
      if (!normalizedDiffers && !rawDiffers) {
        continue;
      }
      ObjectNode s = streams.addObject();
      s.put("name", name);
      StreamDiff known = diffs.get(name);
      if ((known != null && known.kind() == StreamDiff.Kind.BINARY)
          || looksBinary(ln, cn, lr, cr)) {
        s.put("binary", known == null ? "binary content differs" : known.unified());
        continue;
      }
      s.put("comparedEqual", !normalizedDiffers);
      // A stream the suite's compare: leaves out differs without any fact or diff of its own.
      if (normalizedDiffers && known == null && !stated(result, name)) {
        s.put("compared", false);
      }
      s.set("normalized", view(ln, cn, result.id()));
      boolean sameAsRaw = Arrays.equals(ln, lr) && Arrays.equals(cn, cr);
      if (!sameAsRaw) {
        s.set("raw", view(lr, cr, result.id()));
      }
      // The same structural diff as the comparison's (verdict.json's jsonChanges), on what is
      // shown.
      new JsonDiffer(MAX_POINTERS)
          .diff(name, text(ln), text(cn))
          .ifPresent(
              changes ->
                  s.set(
                      "pointers",
                      HtmlPage.JSON.valueToTree(
                          changes.stream().map(CaseDetails::pointer).toList())));
    }
    return d;
  }

  /** Whether a fact, note or discounted difference of the case is about the stream. */
  private static boolean stated(CaseResult result, String stream) {
    String label = ObservationComparator.label(stream);
    return Stream.of(result.facts(), result.notes(), result.discountedFacts())
        .flatMap(List::stream)
        .anyMatch(f -> f.key().equals(label));
  }

  /**
   * What the two stored observations are: in record mode the golden and the new legacy run, in
   * verify mode the golden and the candidate.
   */
  static List<String> sides(String mode) {
    return switch (mode) {
      case "record" -> List.of(SideNames.RECORD.left(), SideNames.RECORD.right());
      case "verify" -> List.of("legacy (golden)", SideNames.LIVE.right());
      default -> List.of(SideNames.LIVE.left(), SideNames.LIVE.right());
    };
  }

  /** {@code changed /users/0/name}; {@code added line 2: /x} in JSON Lines. */
  static String pointer(JsonChange change) {
    return change.kind().label()
        + " "
        + (change.path().isEmpty() && change.line() == 0 ? "(root)" : change.where());
  }

  private static ObjectNode view(
      byte @Nullable [] legacy, byte @Nullable [] candidate, String caseId) {
    String left = text(legacy);
    String right = text(candidate);
    ObjectNode v = HtmlPage.JSON.createObjectNode();
    if (left.length() <= VIEW_BYTES && right.length() <= VIEW_BYTES) {
      List<String> laidOut = JsonPretty.pair(left, right);
      if (!laidOut.get(0).equals(left) || !laidOut.get(1).equals(right)) {
        v.put("pretty", true);
        left = laidOut.get(0);
        right = laidOut.get(1);
      }
    }
    SideBySide.Rows rows = SideBySide.of(bounded(left, caseId), bounded(right, caseId));
    v.set("rows", rows.rows());
    v.put("changed", rows.changed());
    long longest = Math.max(Excerpts.utf8Length(left), Excerpts.utf8Length(right));
    boolean cut = rows.cut() || longest > VIEW_BYTES || hasLongLine(left) || hasLongLine(right);
    v.put("cut", cut);
    if (cut) {
      v.put(
          "cutNote",
          longest > VIEW_BYTES || rows.cut()
              ? Excerpts.note(VIEW_BYTES, longest, caseId)
              : Excerpts.note(LINE_BYTES, longest, caseId) + " (long lines)");
    }
    v.put("legacyMissing", legacy == null);
    v.put("candidateMissing", candidate == null);
    return v;
  }

  /** One side's lines as the page shows them: at most VIEW_BYTES in all, LINE_BYTES a line. */
  private static List<String> bounded(String text, String caseId) {
    String shown = Excerpts.cap(text, VIEW_BYTES, caseId);
    List<String> out = new ArrayList<>();
    for (String line : lines(shown)) {
      out.add(Excerpts.capLine(line, LINE_BYTES, caseId));
    }
    return out;
  }

  private static boolean hasLongLine(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (end - start > LINE_BYTES / 4
          && Excerpts.utf8Length(text.substring(start, end)) > LINE_BYTES) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static ArrayNode facts(List<Fact> facts) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    facts.forEach(f -> out.addArray().add(f.key()).add(f.message()));
    return out;
  }

  private static boolean looksBinary(byte[] @Nullable ... streams) {
    return Arrays.stream(streams)
        .anyMatch(bytes -> bytes != null && StreamContent.looksBinary(bytes));
  }

  /** UTF-8 with invalid sequences shown as U+FFFD; a missing stream is empty. */
  static String text(byte @Nullable [] bytes) {
    return bytes == null ? "" : StreamContent.lenientUtf8(bytes);
  }

  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    } else {
      lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\u23CE(no newline at end)");
    }
    return lines;
  }
}
