package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.normalize.RuleUsage;
import dev.parity.run.CommandRunner;
import dev.parity.run.Observation;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationEngineTests {
  @TempDir Path root;

  private final Map<String, String[]> seen = new ConcurrentHashMap<>();
  private final Engine engine =
      new Engine(
          new CommandRunner(),
          new ObservationComparator(),
          Progress.NONE,
          (Case c, Side side, Observation raw, Observation compared) ->
              seen.put(c.id() + "/" + side.label(), new String[] {text(raw), text(compared)}));

  private static String text(Observation o) {
    return new String(o.streams().get("stdout"), StandardCharsets.UTF_8);
  }

  private Suite suite(String yaml) {
    return new SuiteLoader().load(TempSuite.in(root, "s").suiteYaml(yaml).folder());
  }

  @Test
  void goldensStayRawWhileRulesApplyToBothSidesAndTheSinkSeesBoth() throws Exception {
    Suite suite =
        suite(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                + "normalize:\n  - regex: 'id=\\d+'\n    replace: 'id=<id>'\n    reason: ids are counters\n"
                + "cases:\n"
                + "  - id: a\n    args: ['echo id=$$ id=$$']\n"
                + "  - id: b\n    args: ['echo c b a']\n    normalize:\n      - regex: ' '\n        replace: \"\\n\"\n        numbered: false\n");
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));

    Verdict recorded = engine.record(suite, goldens, RunOptions.defaults());
    Verdict verified = engine.verify(suite, goldens, RunOptions.defaults());

    assertThat(recorded.fixtures()).extracting(CaseResult::noisy).containsOnly(false);
    String golden = Files.readString(goldens.caseFolder("a").resolve("stdout"));
    assertThat(golden).matches("id=\\d+ id=\\d+\n");
    assertThat(verified.fixtures()).extracting(CaseResult::status).containsOnly(Status.PASS);
    assertThat(seen.get("a/legacy")[0]).isEqualTo(golden);
    assertThat(seen.get("a/legacy")[1]).isEqualTo("id=<id-1> id=<id-1>\n");
    assertThat(seen.get("a/candidate")[1]).isEqualTo("id=<id-1> id=<id-1>\n");
    assertThat(seen.get("b/candidate")).containsExactly("c b a\n", "c\nb\na\n");
    assertThat(verified.rules())
        .extracting(RuleUsage::rule, RuleUsage::fired, RuleUsage::stale)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("regex: 'id=\\d+'", 4L, false),
            org.assertj.core.groups.Tuple.tuple("regex: ' '", 4L, false));
  }

  @Test
  void recordFlagsNoiseThatNoRuleCoversAndSuggestsARule() {
    Suite suite =
        suite(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                + "cases:\n  - id: n\n    args: ['echo run=$(od -An -N6 -tx1 /dev/urandom | tr -d \" \\n\")x ok']\n"
                + "  - id: quiet\n    args: ['echo same']\n");
    Verdict verdict =
        engine.record(suite, new GoldenStore(root.resolve("golden/s")), RunOptions.defaults());

    CaseResult noisy = verdict.fixtures().get(0);
    assertThat(noisy.status()).isEqualTo(Status.PASS);
    assertThat(noisy.noisy()).isTrue();
    assertThat(noisy.noise()).extracting(Fact::key).contains("noise stdout", "suggested rule");
    assertThat(verdict.fixtures().get(1).noisy()).isFalse();
    assertThat(verdict.suggestedRules()).singleElement().asString().contains("streams: ['stdout']");
    assertThat(verdict.reasons())
        .contains("1 case is noisy (legacy runs differ where no rule covers it): n");
  }

  @Test
  void oneRunFindsNoNoise() {
    Suite suite =
        suite(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\ncases:\n  - id: n\n    args: ['date +%N']\n");
    Verdict verdict =
        engine.record(
            suite, new GoldenStore(root.resolve("golden/s")), RunOptions.defaults().withRuns(1));
    assertThat(verdict.fixtures().get(0).noisy()).isFalse();
    assertThat(verdict.suggestedRules()).isEmpty();
  }

  @Test
  void compareDiscountsNoiseButNotRealDifferences() {
    Suite suite =
        suite(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c, 'echo \"at $(date +%s%N) total 4\"']\n"
                + "cases:\n  - id: n\n    args: ['echo \"at $(date +%s%N) total 3\"']\n");
    Verdict verdict = engine.compare(suite, RunOptions.defaults());
    CaseResult result = verdict.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.noisy()).isTrue();
    // The candidate's time took the legacy's value (same shape); "total 4" is still compared.
    assertThat(result.diff()).containsPattern("-at ([0-9]+) total 3\n\\+at \\1 total 4\n");
    assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("legacy noise discounted in 1 case"));
    assertThat(result.discounted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.stream()).isEqualTo("stdout");
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.token()).isEqualTo(2);
              assertThat(d.shape()).isEqualTo("[0-9]+");
            });
    assertThat(result.noise())
        .extracting(Fact::message)
        .contains(
            "discounted: only the tokens where legacy runs differed, each for a value of the same"
                + " shape; 1 difference discounted");
  }

  @Test
  void reRecordingKeepsAGoldenThatDiffersOnlyWhereRulesNormalize() throws Exception {
    Suite suite =
        suite(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                + "normalize:\n  - regex: 'at \\d+'\n    replace: 'at <t>'\n"
                + "cases:\n  - id: a\n    args: ['echo at $(date +%s%N) done']\n");
    GoldenStore goldens = new GoldenStore(root.resolve("golden/s"));
    engine.record(suite, goldens, RunOptions.defaults());
    String before = Files.readString(goldens.caseFolder("a").resolve("stdout"));

    Verdict again = engine.record(suite, goldens, RunOptions.defaults());

    CaseResult result = again.fixtures().get(0);
    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.summary()).isEqualTo("golden unchanged");
    assertThat(result.notes())
        .extracting(Fact::message)
        .containsExactly("kept: this run differs from it only where rules normalize");
    assertThat(result.noisy()).isFalse();
    assertThat(Files.readString(goldens.caseFolder("a").resolve("stdout"))).isEqualTo(before);
  }
}
