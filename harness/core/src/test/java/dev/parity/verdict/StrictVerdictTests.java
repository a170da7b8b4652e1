package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.CaseResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --strict} problems fail a run that would pass, each named. */
class StrictVerdictTests {
  @TempDir Path out;

  private static Verdict passing() {
    return Verdict.of(
        "demo", Mode.VERIFY, List.of(CaseResults.passed("a").build()), List.of(), Instant.EPOCH, 1);
  }

  @Test
  void aStrictProblemFailsThePassingRunAndIsNamed() throws Exception {
    Verdict verdict = passing().withStrict(List.of("orphan golden old", "pending result of a"));

    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.status()).isEqualTo(RunStatus.FAIL);
    assertThat(verdict.status().exitCode()).isEqualTo(1);
    assertThat(verdict.reasons())
        .contains("--strict: orphan golden old", "--strict: pending result of a");
    assertThat(verdict.checks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("strict");
              assertThat(c.status()).isEqualTo(Status.FAIL);
              assertThat(c.details()).isEqualTo("orphan golden old\npending result of a");
            });

    Path file = out.resolve("verdict.json");
    Files.writeString(file, VerdictJson.toJson(verdict));
    Verdict read = VerdictJson.read(file);
    assertThat(read.strict()).containsExactly("orphan golden old", "pending result of a");
    assertThat(read.rejudged().decision())
        .as("rejudging from the case statuses keeps the strict failure")
        .isEqualTo(Decision.LEGACY);
  }

  @Test
  void noProblemChangesNothing() {
    Verdict verdict = passing();
    assertThat(verdict.withStrict(List.of())).isEqualTo(verdict);
    assertThat(VerdictJson.toJson(verdict)).doesNotContain("strict");
  }
}
