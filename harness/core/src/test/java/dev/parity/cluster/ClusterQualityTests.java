package dev.parity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.run.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clustering measured on the labelled corpus: outputs of three pairs of real tools recorded by
 * {@code harness/bench/scripts/cluster-corpus.py}, each case labelled by hand with its root causes
 * in {@code labels.tsv} (rules in docs/clusters.md).
 *
 * <p>Purity: each cluster counts the members that carry its most frequent cause; summed over
 * clusters and divided by the total membership. Clusters per cause: for each cause, the clusters in
 * which it is the most frequent cause (ties count for each tied cause), averaged over causes.
 */
class ClusterQualityTests {
  static final String CORPUS = "/dev/parity/cluster/corpus/";
  static final List<String> PAIRS = List.of("coreutils-busybox", "jq-jsontool", "markdown-cmark");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The measured figures, for the docs and for the assertions. */
  record Figures(
      int cases, int causes, int clusters, double purity, double clustersPerCause, String detail) {}

  @Test
  void clustersAreAtLeast90PercentPureWithAtMostOneAndAHalfClustersPerRootCause()
      throws IOException {
    Map<String, Set<String>> labels = labels();
    List<Mismatch> mismatches = corpus();

    Figures figures = measure(Grouping.of(mismatches), labels);
    // The figures docs/clusters.md quotes, for whoever changes the clustering to compare.
    Files.writeString(
        Path.of("target", "cluster-quality.txt"),
        String.format(
            "cases %d, causes %d, clusters %d, purity %.3f, clusters per cause %.2f%n%s%n",
            mismatches.size(),
            figures.causes(),
            figures.clusters(),
            figures.purity(),
            figures.clustersPerCause(),
            figures.detail()));

    assertThat(mismatches).hasSizeGreaterThanOrEqualTo(150);
    assertThat(labels.keySet())
        .as("every case is labelled")
        .containsAll(mismatches.stream().map(Mismatch::id).toList());
    assertThat(figures.purity()).as(figures.detail()).isGreaterThanOrEqualTo(0.9);
    assertThat(figures.clustersPerCause()).as(figures.detail()).isLessThanOrEqualTo(1.5);
  }

  static Figures measure(List<Grouping.Group> groups, Map<String, Set<String>> labels) {
    int membership = 0;
    int majority = 0;
    Map<String, Integer> clustersOf = new LinkedHashMap<>();
    labels.values().forEach(causes -> causes.forEach(c -> clustersOf.putIfAbsent(c, 0)));
    StringBuilder detail = new StringBuilder();
    for (Grouping.Group group : groups) {
      Map<String, Integer> counts = new HashMap<>();
      for (String member : group.members()) {
        for (String cause : labels.getOrDefault(member, Set.of("(unlabelled)"))) {
          counts.merge(cause, 1, Integer::sum);
        }
      }
      int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      membership += group.members().size();
      majority += top;
      List<String> leading =
          counts.entrySet().stream()
              .filter(e -> e.getValue() == top)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      leading.forEach(c -> clustersOf.merge(c, 1, Integer::sum));
      detail.append(
          String.format("%4d %4d %-40s %s%n", group.members().size(), top, leading, group.name()));
    }
    long found = clustersOf.values().stream().filter(n -> n > 0).count();
    double perCause =
        clustersOf.values().stream().mapToInt(Integer::intValue).sum() / (double) clustersOf.size();
    detail.append("clusters per cause: ").append(clustersOf).append('\n');
    detail
        .append("causes with a cluster of their own: ")
        .append(found)
        .append('/')
        .append(clustersOf.size());
    return new Figures(
        labels.size(),
        clustersOf.size(),
        groups.size(),
        membership == 0 ? 1.0 : majority / (double) membership,
        perCause,
        detail.toString());
  }

  static Map<String, Set<String>> labels() throws IOException {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (String line : resource("labels.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      labels.put(fields[0], new LinkedHashSet<>(Arrays.asList(fields[1].split(","))));
    }
    return labels;
  }

  static List<Mismatch> corpus() throws IOException {
    List<Mismatch> mismatches = new ArrayList<>();
    for (String pair : PAIRS) {
      for (String line : resource(pair + ".jsonl").split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode c = JSON.readTree(line);
        mismatches.add(
            MismatchesForTests.of(
                c.get("id").asText(), side(c.get("legacy")), side(c.get("candidate"))));
      }
    }
    return mismatches;
  }

  private static Observation side(JsonNode side) {
    return Observation.ofCommand(
        side.get("exit").asInt(),
        side.get("stdout").asText().getBytes(StandardCharsets.UTF_8),
        side.get("stderr").asText().getBytes(StandardCharsets.UTF_8),
        Map.of(),
        Duration.ZERO);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ClusterQualityTests.class.getResourceAsStream(CORPUS + name), CORPUS + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
