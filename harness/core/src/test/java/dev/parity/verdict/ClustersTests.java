package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import dev.parity.testing.CaseResults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClustersTests {
  private final ObservationComparator comparator = new ObservationComparator();

  @Test
  void groupsAThousandMismatchesWithThreeRootCausesIntoThreeClusters() {
    // Given 1,000 failing cases whose outputs differ in ids, totals and dates, from three root
    // causes,
    // plus passing cases and one error
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String id = String.format("case/%04d", i);
      String header =
          "report " + (1000 + i) + " for user-" + Integer.toHexString(0xabc000 + i) + "\n";
      Observation legacy;
      Observation candidate;
      if (i % 3 == 0) { // root cause 1: totals off by one
        legacy = observation(0, header + "items: " + i + "\ntotal: " + (i * 7) + "\n");
        candidate = observation(0, header + "items: " + i + "\ntotal: " + (i * 7 + 1) + "\n");
      } else if (i % 3 == 1) { // root cause 2: dates in another format
        String day = String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
        legacy = observation(0, header + "date: " + day + "\n");
        candidate =
            observation(
                0, header + "date: " + day.substring(8) + "/" + day.substring(5, 7) + "/2024\n");
      } else { // root cause 3: the candidate exits 1 on the same output
        legacy = observation(0, header);
        candidate = observation(1, header);
      }
      results.add(
          result(id, comparator.compare(EnumSet.allOf(CompareTarget.class), legacy, candidate)));
    }
    for (int i = 0; i < 50; i++) {
      results.add(CaseResults.of("pass/" + i, Status.PASS).summary("identical").build());
    }

    // When
    List<Cluster> clusters = Clusters.of(results);

    // Then
    assertThat(clusters).extracting(Cluster::count).containsExactly(334, 333, 333);
    assertThat(clusters).extracting(Cluster::id).containsExactly("c1", "c2", "c3");
    assertThat(clusters.get(0).signature())
        .containsExactly("stdout: number changed in `total: <n>`");
    assertThat(clusters.get(0).members()).hasSize(334).startsWith("case/0000", "case/0003");
    assertThat(clusters.get(0).examples())
        .containsExactly("case/0000", "case/0003", "case/0006", "case/0009", "case/0012");
    assertThat(clusters.get(1).signature())
        .containsExactly("stdout: `<n>-<n>-<n>` -> `<n>/<n>/<n>`");
    assertThat(clusters.get(2).signature()).containsExactly("exit code: 0 -> 1");
    assertThat(clusters.get(2).name()).isEqualTo("exit code: 0 -> 1");
    assertThat(clusters.get(2).key()).matches("k[0-9a-f]{10}");
    assertThat(clusters.get(0).excerpt()).contains("-total: 0", "+total: 1");
  }

  @Test
  void errorsClusterByTheirNormalizedMessage() {
    List<CaseResult> results =
        List.of(
            error("a", "candidate timed out after 10s"),
            error("b", "candidate timed out after 5s"),
            error("c", "no golden"));

    List<Cluster> clusters = Clusters.of(results);

    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(0).signature())
        .containsExactly("error: candidate timed out after <n>s");
    assertThat(clusters.get(0).members()).containsExactly("a", "b");
    assertThat(clusters.get(0).status()).isEqualTo(Status.ERROR);
    assertThat(clusters.get(0).examples()).containsExactly("a", "b");
  }

  @Test
  void jsonMismatchesClusterByPointerPatternAndKindOfChange() {
    // Given JSON outputs whose prices differ at varying array positions, and others missing a field
    List<CaseResult> results = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String items = "{\"id\":" + i + ",\"price\":" + (i + 1) + ".5,\"note\":\"x\"}";
      String legacy =
          "{\"user\":\"u"
              + i
              + "\",\"items\":["
              + (i % 2 == 0 ? "" : items.replace("5,", "0,") + ",")
              + items
              + "]}\n";
      String candidate =
          i < 20 ? legacy.replace(".5,", ".50001,") : legacy.replace(",\"note\":\"x\"", "");
      results.add(
          result(
              "json/" + i,
              comparator.compare(
                  EnumSet.allOf(CompareTarget.class),
                  observation(0, legacy),
                  observation(0, candidate))));
    }

    List<Cluster> clusters = Clusters.of(results);

    assertThat(clusters).as(clusters.toString()).extracting(Cluster::count).containsExactly(20, 10);
    assertThat(clusters.get(0).signature())
        .containsExactly("stdout /items/*/price: number changed");
    assertThat(clusters.get(1).signature()).containsExactly("stdout /items/*/note: removed");
  }

  @Test
  void aCaseWithTwoRootCausesIsAMemberOfBothClusters() {
    List<CaseResult> results =
        List.of(
            result(
                "both",
                comparator.compare(
                    EnumSet.allOf(CompareTarget.class),
                    observation(0, "Hello\n"),
                    observation(1, "hello\n"))),
            result(
                "exit",
                comparator.compare(
                    EnumSet.allOf(CompareTarget.class),
                    observation(0, "same\n"),
                    observation(1, "same\n"))),
            result(
                "case",
                comparator.compare(
                    EnumSet.allOf(CompareTarget.class),
                    observation(0, "World\n"),
                    observation(0, "world\n"))));

    List<Cluster> clusters = Clusters.of(results);

    assertThat(clusters)
        .extracting(Cluster::name)
        .containsExactly("exit code: 0 -> 1", "stdout: letter case");
    assertThat(clusters)
        .extracting(Cluster::members)
        .containsExactly(List.of("both", "exit"), List.of("both", "case"));
    assertThat(Clusters.byCase(clusters))
        .containsEntry("both", List.of("c1", "c2"))
        .containsEntry("exit", List.of("c1"))
        .containsEntry("case", List.of("c2"));
  }

  /** A verdict of one case, {@code x}, whose stdout's number changed. */
  private Verdict aNumberChangedInX() {
    CaseResult failing =
        result(
            "x",
            comparator.compare(
                EnumSet.allOf(CompareTarget.class),
                observation(0, "a 1\n"),
                observation(0, "a 2\n")));
    return Verdict.of("s", Mode.COMPARE, List.of(failing), List.of(), Instant.EPOCH, 5);
  }

  @Test
  void clustersAreWrittenToVerdictJsonAndReadBack() throws Exception {
    Verdict verdict = aNumberChangedInX();

    String json = VerdictJson.toJson(verdict);
    Verdict back = VerdictJson.mapper().readValue(json, Verdict.class);

    assertThat(json)
        .contains(
            "\"clusters\" : [ {",
            "\"name\" : \"stdout: number changed in `a <n>` (`1` -> `2`)\"",
            "\"signature\" : [ \"stdout: number changed in `a <n>`\" ]",
            "\"members\" : [ \"x\" ]");
    assertThat(back.clusters()).isEqualTo(verdict.clusters());
    assertThat(back.fixtures()).hasSize(1);
  }

  @Test
  void aVerdictsClustersAreComputedOnceForEveryReportThatAsksAndAreTheSameAsComputedAfresh() {
    Verdict verdict = aNumberChangedInX();
    Verdict other = Verdict.of("s", Mode.COMPARE, List.of(), List.of(), Instant.EPOCH, 5);

    List<Cluster> first = verdict.clusters();
    List<Cluster> ofOther = other.clusters();

    assertThat(verdict.clusters()).isSameAs(first).isEqualTo(Clusters.of(verdict.fixtures()));
    assertThat(verdict.withReasons(List.of("more")).clusters())
        .as("a verdict built from another keeps its cases, and their clusters")
        .isSameAs(first);
    assertThat(other.clusters()).isSameAs(ofOther).isEmpty();
    assertThat(first).hasSize(1);
  }

  private static CaseResult result(String id, Comparison comparison) {
    return CaseResults.of(id, Status.FAIL)
        .tags(List.of("t"))
        .summary("differs")
        .facts(comparison.facts())
        .notes(comparison.notes())
        .diffs(comparison.diffs())
        .jsonChanges(comparison.jsonChanges())
        .build();
  }

  private static CaseResult error(String id, String message) {
    return CaseResults.of(id, Status.ERROR).summary(message).build();
  }

  private static Observation observation(int exit, String stdout) {
    return Observation.ofCommand(
        exit, stdout.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }
}
