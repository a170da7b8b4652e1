package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.run.Observation;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.ParityVersion;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReporterTests {
  @TempDir Path out;

  @Test
  void summarizesDecisionCountsAndTopFailureGroups() throws Exception {
    List<CaseResult> results = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      results.add(failing("totals/" + i, "total: " + i + "\n", "total: " + (i + 1) + "\n"));
    }
    results.add(failing("names/`odd`", "name: <Ann>\n", "name: ann\n"));
    results.add(CaseResults.of("ok", Status.PASS).summary("identical").build());
    Verdict verdict = Verdict.of("demo", Mode.VERIFY, results, List.of(), Instant.EPOCH, 2500);

    Path file = new MarkdownReporter().write(verdict, out);

    assertThat(Files.readString(file))
        .isEqualTo(
            String.join(
                "\n",
                "## \u274C Parity verify demo: legacy ships",
                "",
                "- 4 cases differ: totals/1, totals/2, totals/3, names/\\`odd\\`",
                "",
                "| cases | passed | failed | errors | duration |",
                "|---:|---:|---:|---:|---:|",
                "| 5 | 1 | 4 | 0 | 2.5 s |",
                "",
                "### Top failure groups",
                "",
                "**c1**: 3 cases (fail), e.g. `totals/1`, `totals/2`, `totals/3`",
                "",
                "```diff",
                "stdout: 1 line removed, 1 line added (diff below)",
                "-total: 1",
                "+total: 2",
                "```",
                "",
                "**c2**: 1 case (fail), e.g. `` names/`odd` ``",
                "",
                "```diff",
                "stdout: 1 line removed, 1 line added (diff below)",
                "-name: <Ann>",
                "+name: ann",
                "```",
                "",
                "Full report: `index.html` in the output folder (`parity report <out-dir>` rebuilds it).",
                "",
                "<sub>Parity " + ParityVersion.current() + "</sub>",
                ""));
  }

  @Test
  void headlinesSayWhatTheModeDecided() {
    CaseResult pass = CaseResults.of("ok", Status.PASS).summary("golden created").build();

    assertThat(
            MarkdownReporter.render(
                Verdict.of("s", Mode.RECORD, List.of(pass), List.of(), Instant.EPOCH, 0)))
        .startsWith("## \u2705 Parity record s: all goldens stored and current\n");
    assertThat(
            MarkdownReporter.render(
                Verdict.of("s", Mode.COMPARE, List.of(pass), List.of(), Instant.EPOCH, 0)))
        .startsWith("## \u2705 Parity compare s: candidate ships\n\n- all 1 cases pass\n");
  }

  @Test
  void escapesMarkupAndMarkdownInPlainText() {
    assertThat(MarkdownReporter.text("<img src=x> *bold* [link](javascript:x)"))
        .isEqualTo("&lt;img src=x&gt; \\*bold\\* \\[link\\](javascript:x)");
    assertThat(MarkdownReporter.fenced("", "a ``` b")).isEqualTo("````\na ``` b\n````\n");
  }

  private static CaseResult failing(String id, String legacy, String candidate) {
    Comparison c =
        new ObservationComparator()
            .compare(EnumSet.allOf(CompareTarget.class), stdout(legacy), stdout(candidate));
    return CaseResults.of(id, Status.FAIL)
        .summary("stdout differ")
        .facts(c.facts())
        .notes(c.notes())
        .diffs(c.diffs())
        .build();
  }

  private static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }
}
