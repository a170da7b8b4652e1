package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTests {
  private static CaseResult result(String id, Status status) {
    return CaseResults.of(id, status).tags(List.of("t")).summary(status.label()).build();
  }

  private static Verdict verdict(Mode mode, List<CaseResult> results, List<String> unavailable) {
    return Verdict.of("s", mode, results, unavailable, Instant.parse("2026-01-01T00:00:00Z"), 12);
  }

  @Test
  void candidateShipsOnlyWhenEveryCasePasses() {
    Verdict clean =
        verdict(
            Mode.VERIFY, List.of(result("a", Status.PASS), result("b", Status.PASS)), List.of());
    Verdict failing =
        verdict(
            Mode.VERIFY, List.of(result("a", Status.PASS), result("b", Status.FAIL)), List.of());
    Verdict erroring = verdict(Mode.COMPARE, List.of(result("a", Status.ERROR)), List.of());
    Verdict empty = verdict(Mode.VERIFY, List.of(), List.of());

    assertThat(clean.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(ExitCodes.of(clean)).isEqualTo(ExitCodes.PASS);
    assertThat(failing.decision()).isEqualTo(Decision.LEGACY);
    assertThat(failing.reasons()).containsExactly("1 case differs: b");
    assertThat(ExitCodes.of(failing)).isEqualTo(ExitCodes.MISMATCH);
    assertThat(erroring.decision()).isEqualTo(Decision.LEGACY);
    assertThat(ExitCodes.of(erroring)).isEqualTo(ExitCodes.MISMATCH);
    assertThat(empty.decision()).isEqualTo(Decision.LEGACY);
    assertThat(empty.reasons()).containsExactly("no case ran");
  }

  @Test
  void unavailableImplementationExitsThree() {
    Verdict verdict =
        verdict(
            Mode.VERIFY,
            List.of(result("a", Status.ERROR)),
            List.of("candidate implementation could not be run: x"));

    assertThat(ExitCodes.of(verdict)).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(verdict.reasons()).startsWith("candidate implementation could not be run: x");
  }

  @Test
  void recordNeverDecidesForTheCandidateButExitsZeroWhenAllStored() {
    Verdict verdict = verdict(Mode.RECORD, List.of(result("a", Status.PASS)), List.of());

    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(ExitCodes.of(verdict)).isEqualTo(ExitCodes.PASS);
    assertThat(ExitCodes.of(verdict(Mode.RECORD, List.of(result("a", Status.FAIL)), List.of())))
        .isEqualTo(ExitCodes.MISMATCH);
  }

  @Test
  void listsAtMostFiveCaseIdsPerReason() {
    List<CaseResult> results =
        IntStream.range(0, 7).mapToObj(i -> result("c" + i, Status.FAIL)).toList();

    assertThat(verdict(Mode.VERIFY, results, List.of()).reasons())
        .containsExactly("7 cases differ: c0, c1, c2, c3, c4 and 2 more");
  }

  @Test
  void roundTripsThroughVerdictJsonWithTheContractFields(@TempDir Path dir) throws Exception {
    CaseResult failing =
        CaseResults.of("a", Status.FAIL)
            .tags(List.of("t"))
            .summary("stdout differ")
            .facts(List.of(new Fact("stdout", "1 line removed")))
            .diffs(
                List.of(
                    new StreamDiff(
                        "stdout", StreamDiff.Kind.TEXT, 1, 0, false, false, "--- legacy/stdout\n")))
            .durations(Map.of("candidate", 3L))
            .build();
    Verdict verdict = verdict(Mode.VERIFY, List.of(failing), List.of());

    String json = VerdictJson.toJson(verdict);
    Path file = dir.resolve("verdict.json");
    Files.writeString(file, json);

    var tree = VerdictJson.mapper().readTree(json);
    assertThat(tree.get("suite").asText()).isEqualTo("s");
    assertThat(tree.get("mode").asText()).isEqualTo("verify");
    assertThat(tree.get("decision").asText()).isEqualTo("legacy");
    assertThat(tree.get("counts").toString())
        .isEqualTo("{\"total\":1,\"passed\":0,\"failed\":1,\"errors\":0}");
    var fixture = tree.get("fixtures").get(0);
    assertThat(fixture.get("id").asText()).isEqualTo("a");
    assertThat(fixture.get("status").asText()).isEqualTo("fail");
    assertThat(fixture.get("facts").get(0).get("message").asText()).isEqualTo("1 line removed");
    assertThat(fixture.get("diff").asText()).isEqualTo("--- legacy/stdout\n");
    assertThat(VerdictJson.read(file)).isEqualTo(verdict);
  }

  @Test
  void namesTheReleaseOfParityThatWroteIt() throws Exception {
    Verdict verdict = verdict(Mode.VERIFY, List.of(result("a", Status.PASS)), List.of());

    var tree = VerdictJson.mapper().readTree(VerdictJson.toJson(verdict));

    // The build's project version (filtered into the classes), as in the jar manifest.
    assertThat(ParityVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(tree.get("parityVersion").asText()).isEqualTo(ParityVersion.current());
  }

  @Test
  void keepsTheVersionARebuiltVerdictWasWrittenBy(@TempDir Path dir) throws Exception {
    Verdict old =
        verdict(Mode.VERIFY, List.of(result("a", Status.FAIL)), List.of()).toBuilder()
            .parityVersion("0.0.1")
            .build();
    Path file = dir.resolve("verdict.json");
    Files.writeString(file, VerdictJson.toJson(old));

    Verdict read = VerdictJson.read(file);

    assertThat(read.parityVersion()).isEqualTo("0.0.1");
    assertThat(read.rejudged().parityVersion()).isEqualTo("0.0.1");
  }
}
