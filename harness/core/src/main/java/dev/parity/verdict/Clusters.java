package dev.parity.verdict;

import dev.parity.cluster.Change;
import dev.parity.cluster.Changes;
import dev.parity.cluster.Grouping;
import dev.parity.cluster.Masker;
import dev.parity.cluster.Mismatch;
import dev.parity.diff.StreamDiff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups the cases that did not pass by root cause, so that a thousand mismatches with three root
 * causes read as three clusters.
 *
 * <p>Each mismatch is taken apart into atomic changes ({@link dev.parity.cluster.Changes}): each
 * differing value as its pair ({@code exit code: 0 -> 1}), each JSON path by its pointer pattern
 * and class of change, each header, each token edit of a text line, classified (letter case,
 * whitespace, number formatting, quoting, a token appended or replaced), and each run of lines
 * added or removed with where it is. A case is a member of the cluster of every change it has;
 * changes found in exactly the same cases make one cluster. Errors are clustered by their masked
 * message.
 */
public final class Clusters {
  /** Example case ids kept per cluster. */
  public static final int EXAMPLES = 5;

  /** An excerpt line keeps at most this many characters of a changed line. */
  static final int SIGNATURE_CHARS = 200;

  static final int EXCERPT_LINES = 8;

  private Clusters() {}

  /** The clusters of every non-passing case, largest first (ties by first appearance). */
  public static List<Cluster> of(List<CaseResult> results) {
    Map<String, CaseResult> byId = new LinkedHashMap<>();
    List<Mismatch> mismatches = new ArrayList<>();
    for (CaseResult result : results) {
      if (!result.status().passes()) {
        byId.put(result.id(), result);
        mismatches.add(mismatch(result));
      }
    }
    List<Cluster> clusters = new ArrayList<>();
    for (Grouping.Group group : Grouping.of(mismatches)) {
      CaseResult first = Objects.requireNonNull(byId.get(group.members().get(0)));
      clusters.add(
          new Cluster(
              "c" + (clusters.size() + 1),
              key(group.keys()),
              group.name(),
              first.status(),
              group.members().size(),
              group.keys(),
              group.changes(),
              group.members(),
              group.members().stream().limit(EXAMPLES).toList(),
              excerpt(first)));
    }
    return clusters;
  }

  /** For each case in a cluster, the ids of its clusters, in the order of {@code clusters}. */
  public static Map<String, List<String>> byCase(List<Cluster> clusters) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (Cluster cluster : clusters) {
      cluster
          .members()
          .forEach(m -> ids.computeIfAbsent(m, k -> new ArrayList<>()).add(cluster.id()));
    }
    ids.replaceAll((k, v) -> List.copyOf(v));
    return ids;
  }

  /** The keys of the atomic changes of a case that did not pass, as its clusters have them. */
  public static List<String> changeKeys(CaseResult result) {
    return Changes.of(mismatch(result)).stream().map(Change::key).toList();
  }

  /** The comparison's findings of a case that did not pass, as clustering reads them. */
  static Mismatch mismatch(CaseResult result) {
    return new Mismatch(
        result.id(),
        result.status() == Status.ERROR,
        result.summary(),
        result.facts(),
        result.diffs(),
        result.jsonChanges());
  }

  /** Volatile tokens (UUIDs, hex ids, numbers, paths, ports) masked, as cluster keys have them. */
  static String normalize(String text) {
    return Masker.mask(text);
  }

  private static String key(List<String> signature) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(String.join("\n", signature).getBytes(StandardCharsets.UTF_8));
      return "k" + HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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
