package dev.parity.verdict;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups the cases that did not pass by signature, so that a thousand mismatches with three root
 * causes read as three clusters.
 *
 * <p>A signature is a list of lines: the differing values ({@code exit code: legacy <n>, candidate
 * <n>}), then per differing stream its changed lines ({@code stdout -total: <n>}, {@code stdout
 * +total: <n>}) with volatile tokens normalized, distinct and in order of first appearance. Errors
 * are signed by their message. A stream with structural JSON changes is signed by one line per
 * differing JSON Pointer, array indexes as {@code *}, with the kind of change ({@code stdout
 * changed /items/STAR/price}, STAR being an asterisk) instead of its changed lines.
 */
public final class Clusters {
  /** Example case ids kept per cluster. */
  public static final int EXAMPLES = 5;

  /** A signature or excerpt line keeps at most this many characters of a changed line. */
  static final int SIGNATURE_CHARS = 200;

  /**
   * Changed lines per stream that make up a signature; more would split clusters on incidental
   * detail.
   */
  static final int LINES_PER_STREAM = 8;

  static final int EXCERPT_LINES = 8;

  private static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern HEX =
      Pattern.compile("\\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern ARRAY_INDEX = Pattern.compile("/\\d+(?=/|$)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The fact naming a case's golden folder, left out of signatures. */
  static final String GOLDEN_FACT = "golden";

  private Clusters() {}

  /** The clusters of every non-passing case, largest first (ties by first appearance). */
  public static List<Cluster> of(List<CaseResult> results) {
    Map<List<String>, List<CaseResult>> groups = new LinkedHashMap<>();
    for (CaseResult result : results) {
      if (!result.status().passes()) {
        groups.computeIfAbsent(signature(result), k -> new ArrayList<>()).add(result);
      }
    }
    List<Map.Entry<List<String>, List<CaseResult>>> ordered = new ArrayList<>(groups.entrySet());
    ordered.sort(
        Comparator.comparingInt(
            (Map.Entry<List<String>, List<CaseResult>> e) -> -e.getValue().size()));
    List<Cluster> clusters = new ArrayList<>();
    for (Map.Entry<List<String>, List<CaseResult>> entry : ordered) {
      List<CaseResult> members = entry.getValue();
      CaseResult first = members.get(0);
      clusters.add(
          new Cluster(
              "c" + (clusters.size() + 1),
              first.status(),
              members.size(),
              entry.getKey(),
              members.stream().limit(EXAMPLES).map(CaseResult::id).toList(),
              excerpt(first)));
    }
    return clusters;
  }

  /** The signature of one case that did not pass. */
  public static List<String> signature(CaseResult result) {
    Set<String> lines = new LinkedHashSet<>();
    if (result.status() == Status.ERROR) {
      lines.add("error: " + normalize(result.summary()));
      return List.copyOf(lines);
    }
    Set<String> diffLabels = new LinkedHashSet<>();
    result.diffs().forEach(d -> diffLabels.add(ObservationComparator.label(d.stream())));
    for (Fact fact : result.facts()) {
      // The golden fact says where this case's golden is (record): a path per case would put
      // every changed golden in a cluster of its own.
      if (!diffLabels.contains(fact.key()) && !fact.key().equals(GOLDEN_FACT)) {
        lines.add(fact.key() + ": " + normalize(fact.message()));
      }
    }
    // JSON streams are signed by their differing pointers (array indexes as *) and the kind of
    // change.
    Set<String> jsonStreams = new LinkedHashSet<>();
    for (JsonChange change : result.jsonChanges()) {
      jsonStreams.add(change.stream());
      lines.add(
          change.stream()
              + " "
              + change.kind().label()
              + " "
              + pointerPattern(change.path().isEmpty() ? "/" : change.path()));
    }
    for (StreamDiff diff : result.diffs()) {
      if (jsonStreams.contains(diff.stream())) {
        continue;
      }
      if (diff.kind() == StreamDiff.Kind.BINARY) {
        lines.add(diff.stream() + ": binary content differs");
        continue;
      }
      int taken = 0;
      for (String line : changedLines(diff)) {
        if (taken == LINES_PER_STREAM) {
          break;
        }
        // A signature line names a change; a 60 MB line would only make every report huge.
        String changed = line.substring(1, Math.min(line.length(), SIGNATURE_CHARS));
        if (lines.add(diff.stream() + " " + line.charAt(0) + normalize(changed))) {
          taken++;
        }
      }
    }
    if (lines.isEmpty()) {
      lines.add("differs: " + normalize(result.summary()));
    }
    return List.copyOf(lines);
  }

  /**
   * A JSON Pointer with its array indexes (all-digit segments) replaced by {@code *}, e.g. for
   * {@code /items/3/price}.
   */
  static String pointerPattern(String pointer) {
    return ARRAY_INDEX.matcher(pointer).replaceAll("/*");
  }

  /**
   * Replaces volatile tokens (UUIDs, long hex ids, numbers) by placeholders and collapses spaces.
   */
  static String normalize(String text) {
    String out = UUID.matcher(text).replaceAll("<uuid>");
    out = HEX.matcher(out).replaceAll("<hex>");
    out = NUMBER.matcher(out).replaceAll("<n>");
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  private static List<String> changedLines(StreamDiff diff) {
    List<String> changed = new ArrayList<>();
    for (String line : diff.unified().split("\n")) {
      if (line.startsWith("---") || line.startsWith("+++")) {
        continue;
      }
      if (line.startsWith("-") || line.startsWith("+")) {
        changed.add(line);
      }
    }
    return changed;
  }

  private static List<String> excerpt(CaseResult result) {
    List<String> lines = new ArrayList<>();
    result.facts().forEach(f -> lines.add(f.toString()));
    for (StreamDiff diff : result.diffs()) {
      for (String line : changedLines(diff)) {
        lines.add(Excerpts.cap(line, SIGNATURE_CHARS, result.id()));
      }
    }
    return lines.subList(0, Math.min(EXCERPT_LINES, lines.size()));
  }
}
