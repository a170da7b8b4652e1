package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.archive.RunArchive;
import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.Progress;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a record run reports about goldens that changed: golden against the new legacy run. */
class RecordReportTests {
  @TempDir Path root;

  private Suite suite(String cases) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "s")
                .suiteYaml(
                    "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                        + "cases:\n"
                        + cases)
                .folder());
  }

  private Verdict record(Suite suite, GoldenStore goldens, RunArchive archive) {
    Engine engine =
        new Engine(
            new CommandRunner(), new ObservationComparator(), Progress.NONE, archive.sink(suite));
    return engine.record(suite, goldens, RunOptions.defaults().withRuns(1));
  }

  @Test
  void changedGoldensWithTheSameChangeShareOneCluster() {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    RunArchive archive = RunArchive.in(root.resolve("out"));
    record(
        suite("  - id: a\n    args: ['echo one']\n  - id: b/c\n    args: ['echo one']\n"),
        goldens,
        archive);

    Verdict changed =
        record(
            suite("  - id: a\n    args: ['echo two']\n  - id: b/c\n    args: ['echo two']\n"),
            goldens,
            archive);

    assertThat(changed.fixtures()).extracting(CaseResult::status).containsOnly(Status.FAIL);
    assertThat(changed.clusters()).hasSize(1);
    assertThat(changed.clusters().get(0).count()).isEqualTo(2);
  }

  @Test
  void factsAndDiffsNameTheGoldenAndTheNewLegacyRun() {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    RunArchive archive = RunArchive.in(root.resolve("out"));
    record(suite("  - id: a\n    args: ['echo one']\n"), goldens, archive);

    CaseResult result =
        record(suite("  - id: a\n    args: ['echo two; exit 3']\n"), goldens, archive)
            .fixtures()
            .get(0);

    assertThat(result.diff()).contains("--- golden/stdout\n+++ new legacy run/stdout\n");
    assertThat(result.facts())
        .anySatisfy(f -> assertThat(f.toString()).contains("golden 0, new legacy run 3"));
    assertThat(result.facts().toString()).doesNotContain("candidate");
  }

  @Test
  void theArchiveKeepsTheGoldenAndTheNewLegacyRunForTheReports() throws Exception {
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    Path out = root.resolve("out");
    RunArchive archive = RunArchive.in(out);
    record(suite("  - id: a\n    args: ['echo one']\n"), goldens, archive);
    archive.clear();

    Verdict changed = record(suite("  - id: a\n    args: ['echo two']\n"), goldens, archive);
    Reports.full().writeAll(changed, out);

    assertThat(archive.read("a", Side.LEGACY, RunArchive.View.RAW).orElseThrow().streams())
        .extractingByKey("stdout")
        .satisfies(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("one\n"));
    assertThat(archive.read("a", Side.CANDIDATE, RunArchive.View.RAW).orElseThrow().streams())
        .extractingByKey("stdout")
        .satisfies(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("two\n"));
    // The new legacy run is reproduced with the legacy command, not the candidate's.
    assertThat(archive.repro("a", Side.CANDIDATE).orElseThrow())
        .isEqualTo(archive.repro("a", Side.LEGACY).orElseThrow());

    String html = Files.readString(out.resolve("index.html"));
    JsonNode detail = block(html, "case-0");
    assertThat(detail.has("unified")).isFalse();
    assertThat(detail.at("/sides/0").asText()).isEqualTo("golden");
    assertThat(detail.at("/sides/1").asText()).isEqualTo("new legacy run");
    assertThat(detail.at("/streams/0/name").asText()).isEqualTo("stdout");

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("golden vs new legacy run");
    assertThat(Files.readString(out.resolve("verdict.json"))).contains("new legacy run");
  }

  private static JsonNode block(String html, String id) throws Exception {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("block " + id).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }
}
