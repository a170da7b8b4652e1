package dev.parity.diff;

import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Utf8;
import dev.parity.normalize.JsonDocuments;
import dev.parity.normalize.JsonText;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Compares a legacy and a candidate observation of the same case. */
public final class ObservationComparator {
  private static final int HEX_WINDOW = 64;

  private static final int JSON_PATHS_SHOWN = 5;

  private final TextDiffer differ;
  private final SideNames names;
  private final JsonDiffer jsonDiffer = new JsonDiffer();

  public ObservationComparator() {
    this(new TextDiffer());
  }

  public ObservationComparator(TextDiffer differ) {
    this(differ, SideNames.LIVE);
  }

  private ObservationComparator(TextDiffer differ, SideNames names) {
    this.differ = differ;
    this.names = names;
  }

  /** The same comparison with the two sides named {@code names} in facts and diff headers. */
  public ObservationComparator withNames(SideNames names) {
    return new ObservationComparator(differ, names);
  }

  public Comparison compare(Set<CompareTarget> targets, Observation legacy, Observation candidate) {
    List<Fact> facts = new ArrayList<>();
    List<StreamDiff> diffs = new ArrayList<>();
    List<Fact> notes = new ArrayList<>();
    List<JsonChange> jsonChanges = new ArrayList<>();

    Set<String> valueNames = new TreeSet<>(legacy.values().keySet());
    valueNames.addAll(candidate.values().keySet());
    for (String name : valueNames) {
      if (!CompareTarget.compares(targets, name)) {
        continue;
      }
      // No signal means the program exited by itself: "none" beside "SIGKILL" says how each ended.
      String absent = name.equals(Observation.SIGNAL) ? "none" : "(none)";
      String left = legacy.values().getOrDefault(name, absent);
      String right = candidate.values().getOrDefault(name, absent);
      if (!left.equals(right)) {
        facts.add(
            new Fact(label(name), names.left() + " " + left + ", " + names.right() + " " + right));
      }
    }

    Set<String> streamNames = new TreeSet<>(legacy.names());
    streamNames.addAll(candidate.names());
    for (String stream : streamNames) {
      if (!CompareTarget.compares(targets, stream)) {
        continue;
      }
      if (legacy.has(stream)
          && candidate.has(stream)
          && (legacy.spooled().containsKey(stream) || candidate.spooled().containsKey(stream))) {
        SpooledStreams.compare(stream, legacy, candidate, differ, names, facts)
            .ifPresent(diffs::add);
        continue;
      }
      byte[] left = legacy.streams().get(stream);
      byte[] right = candidate.streams().get(stream);
      if (left == null || right == null) {
        // One side did not write it; which one by has(): a stream legacy spooled has no bytes in
        // memory, and was said to be the candidate's only.
        boolean candidateOnly = !legacy.has(stream);
        long present = candidateOnly ? candidate.size(stream) : legacy.size(stream);
        facts.add(
            new Fact(
                label(stream),
                (candidateOnly
                        ? "written by the " + names.right() + " only"
                        : "missing: the " + names.right() + " did not write it")
                    + " ("
                    + bytes(present)
                    + " on the "
                    + (candidateOnly ? names.right() : names.left())
                    + " side)"));
        continue;
      }
      if (Arrays.equals(left, right)) {
        continue;
      }
      diffs.add(diffStream(stream, left, right, facts, notes));
      jsonChanges.addAll(jsonChanges(stream, left, right, facts));
    }
    return new Comparison(facts, diffs, notes, jsonChanges);
  }

  private List<JsonChange> jsonChanges(String stream, byte[] left, byte[] right, List<Fact> facts) {
    if (!JsonDocuments.mayBeJson(left) || !JsonDocuments.mayBeJson(right)) {
      return List.of();
    }
    Optional<String> a = Utf8.strict(left);
    Optional<String> b = Utf8.strict(right);
    if (a.isEmpty()
        || b.isEmpty()
        || StreamContent.looksBinary(left)
        || StreamContent.looksBinary(right)) {
      return List.of();
    }
    Optional<JsonText> legacyJson = JsonDocuments.parse(a.get());
    Optional<JsonText> candidateJson = JsonDocuments.parse(b.get());
    if (legacyJson.isEmpty() || candidateJson.isEmpty()) {
      return List.of();
    }
    JsonText.Form form = legacyJson.get().form();
    if (form != candidateJson.get().form()) {
      facts.add(
          new Fact(
              label(stream),
              names.left()
                  + " is "
                  + legacyJson.get().describe()
                  + ", "
                  + names.right()
                  + " is "
                  + candidateJson.get().describe()));
      return List.of();
    }
    Optional<List<JsonChange>> changes =
        jsonDiffer.diff(stream, legacyJson.get(), candidateJson.get());
    if (changes.isEmpty() || changes.get().isEmpty()) {
      return List.of();
    }
    List<JsonChange> found = changes.get();
    StringBuilder text =
        new StringBuilder(
            (form == JsonText.Form.LINES ? "JSON Lines differ at " : "JSON differs at ")
                + found.size()
                + " path"
                + (found.size() == 1 ? "" : "s")
                + ": ");
    for (int i = 0; i < Math.min(JSON_PATHS_SHOWN, found.size()); i++) {
      text.append(i == 0 ? "" : "; ").append(found.get(i).describe());
    }
    if (found.size() > JSON_PATHS_SHOWN) {
      text.append("; ... ").append(found.size() - JSON_PATHS_SHOWN).append(" more");
    }
    facts.add(new Fact(label(stream), text.toString()));
    return found;
  }

  private StreamDiff diffStream(
      String stream, byte[] left, byte[] right, List<Fact> facts, List<Fact> notes) {
    if (StreamContent.looksBinary(left) || StreamContent.looksBinary(right)) {
      int first = Arrays.mismatch(left, right);
      facts.add(
          new Fact(
              label(stream),
              "binary content differs: "
                  + names.left()
                  + " "
                  + bytes(left.length)
                  + ", "
                  + names.right()
                  + " "
                  + bytes(right.length)
                  + ", first difference at byte "
                  + first));
      return hexDiff(stream, left, right, first);
    }
    boolean leftUtf8 = StreamContent.isUtf8(left);
    boolean rightUtf8 = StreamContent.isUtf8(right);
    StreamDiff diff;
    if (leftUtf8 && rightUtf8) {
      diff = differ.diff(stream, left, right, names);
    } else {
      notes.add(
          new Fact(
              label(stream),
              "not valid UTF-8 on the "
                  + (leftUtf8 ? names.right() : names.left())
                  + " side; shown with U+FFFD for invalid bytes, compared byte for byte"));
      diff =
          differ.diff(
              stream,
              Texts.lines(StreamContent.lenientUtf8(left)),
              Texts.lines(StreamContent.lenientUtf8(right)),
              names);
    }
    if (diff.removed() == 0 && diff.added() == 0) {
      // Different bytes that decode to the same text (invalid sequences both shown as U+FFFD).
      int first = Arrays.mismatch(left, right);
      facts.add(
          new Fact(
              label(stream),
              "bytes differ at byte " + first + " although the decoded text is the same"));
      return hexDiff(stream, left, right, first);
    }
    facts.add(new Fact(label(stream), describe(diff)));
    if (diff.approximate()) {
      notes.add(
          new Fact(
              label(stream),
              "too many changed lines for a minimal diff within the time budget; lines were compared by position"));
    }
    return diff;
  }

  private StreamDiff hexDiff(String stream, byte[] left, byte[] right, int first) {
    int from = Math.max(0, (first - HEX_WINDOW) / 16 * 16);
    StreamDiff diff = differ.diff(stream, hexLines(left, from), hexLines(right, from), names);
    int differing = 0;
    int common = Math.min(left.length, right.length);
    for (int i = 0; i < common; i++) {
      if (left[i] != right[i]) {
        differing++;
      }
    }
    differing += Math.abs(left.length - right.length);
    return new StreamDiff(
        stream, StreamDiff.Kind.BINARY, differing, differing, false, true, diff.unified());
  }

  private static List<String> hexLines(byte[] bytes, int from) {
    HexFormat hex = HexFormat.of();
    List<String> lines = new ArrayList<>();
    int to = Math.min(bytes.length, from + 2 * HEX_WINDOW + 16);
    for (int offset = from; offset < to; offset += 16) {
      int end = Math.min(offset + 16, bytes.length);
      lines.add(String.format(Locale.ROOT, "%08x  %s", offset, hex.formatHex(bytes, offset, end)));
    }
    return lines;
  }

  private static String bytes(long count) {
    return count + (count == 1 ? " byte" : " bytes");
  }

  private static String describe(StreamDiff diff) {
    return diff.removed()
        + " line"
        + (diff.removed() == 1 ? "" : "s")
        + " removed, "
        + diff.added()
        + " line"
        + (diff.added() == 1 ? "" : "s")
        + " added (diff below)";
  }

  /** A human label for a value or stream name. */
  public static String label(String name) {
    if (name.equals(Observation.EXIT_CODE)) {
      return "exit code";
    }
    if (name.equals(Observation.SIGNAL)) {
      return "killed by signal";
    }
    if (name.startsWith(Observation.FILE_PREFIX)) {
      return "output file " + name.substring(Observation.FILE_PREFIX.length());
    }
    return name;
  }
}
