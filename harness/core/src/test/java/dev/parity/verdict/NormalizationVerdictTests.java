package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.normalize.RuleUsage;
import dev.parity.testing.CaseResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationVerdictTests {

  private static CaseResult result(String id, boolean noisy) {
    return CaseResults.passed(id)
        .jsonChanges(
            List.of(
                new JsonChange(
                    "stdout",
                    0,
                    "/a/0",
                    JsonChange.Kind.CHANGED,
                    Optional.of("1"),
                    Optional.of("2"))))
        .noisy(noisy)
        .noise(noisy ? List.of(new Fact("noise stdout", "legacy runs 1 and 2 differ")) : List.of())
        .build();
  }

  @Test
  void staleRulesAndNoiseBecomeReasonsWithoutChangingTheDecision() {
    List<RuleUsage> usages =
        List.of(
            new RuleUsage(
                "builtin: uuids",
                "suite.yaml:3:5",
                Optional.of("random"),
                Optional.empty(),
                2,
                false),
            new RuleUsage(
                "builtin: pids",
                "suite.yaml:5:5",
                Optional.empty(),
                Optional.of("MIG-3"),
                0,
                true));
    Verdict verify =
        Verdict.of("s", Mode.VERIFY, List.of(result("a", false)), List.of(), Instant.EPOCH, 1)
            .withNormalization(usages, List.of());
    assertThat(verify.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verify.reasons())
        .containsExactly(
            "all 1 cases pass", "1 rule fired nowhere (stale): builtin: pids (suite.yaml:5:5)");

    Verdict record =
        Verdict.of(
                "s",
                Mode.RECORD,
                List.of(result("a", true), result("b", false)),
                List.of(),
                Instant.EPOCH,
                1)
            .withNormalization(List.of(), List.of("- builtin: uuids\n"));
    assertThat(record.reasons())
        .endsWith("1 case is noisy (legacy runs differ where no rule covers it): a");
    Verdict compare =
        Verdict.of("s", Mode.COMPARE, List.of(result("a", true)), List.of(), Instant.EPOCH, 1)
            .withNormalization(List.of(), List.of());
    assertThat(compare.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(compare.reasons())
        .endsWith(
            "legacy noise discounted in 1 case (two legacy runs differ; see each case's noise): a");
  }

  @Test
  void roundTripsRulesSuggestionsJsonChangesAndNoise(@TempDir Path dir) throws Exception {
    Verdict verdict =
        Verdict.of("s", Mode.RECORD, List.of(result("a", true)), List.of(), Instant.EPOCH, 1)
            .withNormalization(
                List.of(
                    new RuleUsage(
                        "text: sortLines",
                        "suite.yaml:9:5",
                        Optional.empty(),
                        Optional.of("T-1"),
                        0,
                        true)),
                List.of("- builtin: uuids\n  streams: ['stdout']\n"));
    Path file = dir.resolve(VerdictJson.FILE);
    Files.writeString(file, VerdictJson.toJson(verdict));

    String json = Files.readString(file);
    assertThat(json)
        .contains(
            "\"kind\" : \"changed\"",
            "\"noisy\" : true",
            "\"stale\" : true",
            "\"suggestedRules\" : [");
    assertThat(VerdictJson.read(file)).isEqualTo(verdict);
  }
}
