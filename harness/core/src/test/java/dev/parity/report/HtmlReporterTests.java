package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.archive.RunArchive;
import dev.parity.diff.Comparison;
import dev.parity.diff.JsonChange;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CasePerformance;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.SideTiming;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReporterTests {
  static final String HOSTILE =
      "<script>window.pwned=1</script>\n\"><img src=x onerror=\"window.pwned=2\">\n</textarea></script><b>bold</b>\n"
          + "<a href=\"javascript:window.pwned=3\">click</a>\n\u2028line & more\n";

  @TempDir Path out;

  @Test
  void everyOutputReachesThePageOnlyAsEscapedJson() throws Exception {
    Verdict verdict = hostileRun(out);

    Path file = new HtmlReporter().write(verdict, out);

    String html = Files.readString(file);
    // Exactly the template's script elements: the data block, one detail block per case, the page
    // script.
    assertThat(count(html, "<script")).isEqualTo(3);
    assertThat(html)
        .doesNotContain("<img", "<b>bold", "</textarea>", "window.pwned=1</script>")
        .doesNotContain("\u2028");
    assertThat(html).contains("\\u003Cscript\\u003Ewindow.pwned=1\\u003C/script\\u003E");
    assertThat(html).containsPattern("script-src 'sha256-[A-Za-z0-9+/=]{44}'");
    JsonNode detail = block(html, "case-0");
    assertThat(detail.at("/streams/0/name").asText()).isEqualTo("stdout");
    // Parsed back, the JSON gives the output text exactly.
    assertThat(detail.at("/streams/0/normalized/rows/0/1").asText())
        .isEqualTo("<script>window.pwned=1</script>");
    assertThat(detail.at("/repro/legacy").asText()).isEqualTo("sh legacy.sh '<script>'\n");
    assertThat(detail.get("values").toString()).isEqualTo("[[\"exit code\",\"0\",\"0\"]]");
  }

  @Test
  void summaryBlockCarriesDecisionCountsGroupsAndClusters() throws Exception {
    Verdict verdict = hostileRun(out);

    JsonNode data = block(Files.readString(new HtmlReporter().write(verdict, out)), "parity-data");

    assertThat(data.get("decision").asText()).isEqualTo("legacy");
    assertThat(data.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(data.at("/groups/0/tag").asText()).isEqualTo("web");
    assertThat(data.at("/clusters/0/id").asText()).isEqualTo("c1");
    assertThat(data.at("/cases/0/cluster").asText()).isEqualTo("c1");
    assertThat(data.at("/cases/0/search").asText()).contains("+<b>safe</b>");
  }

  @Test
  void gateSummaryCarriesPerformanceAndEachGroupsDecision() throws Exception {
    Verdict behaviour = hostileRun(out);
    SideTiming legacy = new SideTiming(80.0, 78.0, 83.0, 40, OptionalLong.of(2048));
    SideTiming candidate = new SideTiming(160.0, 155.0, 170.0, 40, OptionalLong.empty());
    CasePerformance work =
        CasePerformance.measured(
                "web/work", List.of("web"), PerformanceStatus.FAIL, 2.0, 40, legacy, candidate)
            .withInterval(1.9, 2.1)
            .withOverheadMs(5.0);
    Performance performance =
        new Performance(
            OptionalDouble.of(2.0),
            OptionalDouble.of(1.9),
            OptionalDouble.of(2.1),
            1.10,
            1.05,
            true,
            PerformanceStatus.FAIL,
            Optional.empty(),
            Optional.empty(),
            "trimmed",
            List.of(work));
    Verdict gate = Verdict.gate(behaviour, performance, Map.of("web", performance), 1234);

    JsonNode data = block(Files.readString(new HtmlReporter().write(gate, out)), "parity-data");

    // The same fields as verdict.json's performance, for the page's benchmark table.
    assertThat(data.at("/performance/status").asText()).isEqualTo("fail");
    assertThat(data.at("/performance/ciHigh").asDouble()).isEqualTo(2.1);
    assertThat(data.at("/performance/cases/0/legacy/peakMemoryKb").asLong()).isEqualTo(2048);
    assertThat(data.at("/performance/cases/0/candidate").has("peakMemoryKb")).isFalse();
    assertThat(data.at("/groups/0/tag").asText()).isEqualTo("web");
    assertThat(data.at("/groups/0/decision").asText()).isEqualTo("legacy");
    assertThat(data.at("/groups/0/reasons").toString())
        .contains("1 case differs")
        .contains("2.00x slower");
  }

  @Test
  void plainRunHasNeitherPerformanceNorGroupDecisions() throws Exception {
    JsonNode data =
        block(Files.readString(new HtmlReporter().write(hostileRun(out), out)), "parity-data");

    assertThat(data.has("performance")).isFalse();
    assertThat(data.at("/groups/0").has("decision")).isFalse();
  }

  @Test
  void showsJsonPointersAndWordHighlights() throws Exception {
    RunArchive archive = RunArchive.in(out);
    Observation legacy = stdout("{\"users\":[{\"name\":\"Ann\",\"age\":3}],\"gone\":1}\n");
    Observation candidate = stdout("{\"users\":[{\"name\":\"Bob\",\"age\":3}],\"new\":true}\n");
    Verdict verdict = verdict(archive, "json/case", legacy, candidate);

    JsonNode detail = block(Files.readString(new HtmlReporter().write(verdict, out)), "case-0");

    assertThat(detail.at("/streams/0/pointers").toString())
        .isEqualTo("[\"removed /gone\",\"added /new\",\"changed /users/0/name\"]");
    // The one-line documents are laid out one member per line (issue 14): the name's line
    // changed, with the word highlighted; the lines around it are unchanged.
    assertThat(detail.at("/streams/0/normalized/pretty").asBoolean()).isTrue();
    assertThat(detail.at("/streams/0/normalized/rows").toString())
        .contains("[\"e\",\"  \\\"users\\\": [\"]")
        .contains("[\"c\",[\"      \\\"name\\\": \",\"\\\"Ann\\\"\",\",\"]");
  }

  @Test
  void pointersNameTheDocumentOfJsonLinesAndTheRoot() {
    assertThat(
            CaseDetails.pointer(
                new JsonChange(
                    "stdout", 1, "/x", JsonChange.Kind.ADDED, Optional.empty(), Optional.of("1"))))
        .isEqualTo("added line 2: /x");
    assertThat(
            CaseDetails.pointer(
                new JsonChange(
                    "body", 0, "", JsonChange.Kind.CHANGED, Optional.of("[]"), Optional.of("{}"))))
        .isEqualTo("changed (root)");
  }

  @Test
  void splitsGeneratedLinesIntoPlainAndHighlightedSegments() {
    SideBySide.Rows rows =
        SideBySide.of(
            List.of("same", "total: 12 items", "x"), List.of("same", "total: 13 items", "x"));

    assertThat(rows.rows().toString())
        .isEqualTo(
            "[[\"e\",\"same\"],[\"c\",[\"total: \",\"12\",\" items\"],[\"total: \",\"13\",\" items\"]],[\"e\",\"x\"]]");
    assertThat(rows.changed()).isEqualTo(1);
  }

  @Test
  void collapsesLongUnchangedRunsBetweenChanges() {
    List<String> left = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      left.add("line " + i);
    }
    List<String> right = new ArrayList<>(left);
    right.set(50, "changed");

    String rows = SideBySide.of(left, right).rows().toString();

    assertThat(rows)
        .startsWith("[[\"s\",47],[\"e\",\"line 47\"]")
        .contains("[\"s\",46]")
        .endsWith("[\"s\",46]]");
  }

  static Verdict hostileRun(Path out) throws Exception {
    RunArchive archive = RunArchive.in(out);
    Observation legacy = stdout(HOSTILE + "invalid \u00ff\n");
    byte[] bytes = (HOSTILE + "<b>safe</b>\ninvalid ").getBytes(StandardCharsets.UTF_8);
    byte[] withInvalid = Arrays.copyOf(bytes, bytes.length + 2);
    withInvalid[bytes.length] = (byte) 0xC3;
    withInvalid[bytes.length + 1] = (byte) '\n';
    Observation candidate =
        Observation.ofCommand(0, withInvalid, new byte[0], Map.of(), Duration.ZERO);
    return verdict(archive, "web/<script>alert(1)</script>", legacy, candidate);
  }

  private static Verdict verdict(
      RunArchive archive, String id, Observation legacy, Observation candidate) throws Exception {
    archive.store(id, Side.LEGACY, legacy, legacy, "sh legacy.sh '<script>'\n");
    archive.store(id, Side.CANDIDATE, candidate, candidate, "python3 port.py\n");
    Comparison comparison =
        new ObservationComparator().compare(EnumSet.allOf(CompareTarget.class), legacy, candidate);
    CaseResult result =
        CaseResults.of(id, Status.FAIL)
            .tags(List.of("web"))
            .summary("stdout differ")
            .facts(comparison.facts())
            .notes(comparison.notes())
            .diffs(comparison.diffs())
            .durations(Map.of("legacy", 5L))
            .build();
    return Verdict.of("hostile", Mode.COMPARE, List.of(result), List.of(), Instant.EPOCH, 1234);
  }

  private static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  static JsonNode block(String html, String id) throws Exception {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("block " + id).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
