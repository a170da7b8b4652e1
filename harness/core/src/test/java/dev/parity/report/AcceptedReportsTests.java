package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.Acceptance;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Mode;
import dev.parity.verdict.RunStatus;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report shows an accepted difference as {@code accepted}, with its reason and ticket. */
class AcceptedReportsTests {
  private static final Acceptance ROUNDING =
      Acceptance.of(
          "the port rounds half-even",
          Optional.of("MIG-7"),
          Optional.of("2026-12-31"),
          "ana",
          Instant.parse("2026-11-30T12:00:00Z"));

  @TempDir Path out;

  private Verdict verdict() {
    CaseResult accepted =
        CaseResults.failed("totals").fact("stdout", "1 line differs").build().asAccepted(ROUNDING);
    return Verdict.of(
        "demo",
        Mode.VERIFY,
        List.of(CaseResults.passed("a").build(), accepted),
        List.of(),
        Instant.EPOCH,
        10);
  }

  @Test
  void everyReportAgreesThatTheCaseIsAcceptedAndTheRunPasses() throws Exception {
    Verdict verdict = verdict();
    assertThat(verdict.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verdict.status()).isEqualTo(RunStatus.PASS);
    assertThat(verdict.reasons())
        .containsExactly("all 2 cases pass", "1 case passes as an accepted difference: totals");

    Reports.full().writeAll(verdict, out);

    JsonNode json = VerdictJson.mapper().readTree(out.resolve("verdict.json").toFile());
    assertThat(json.at("/counts/accepted").asInt()).isEqualTo(1);
    assertThat(json.at("/counts/passed").asInt()).isEqualTo(1);
    JsonNode totals = json.at("/fixtures/1");
    assertThat(totals.at("/status").asText()).isEqualTo("accepted");
    assertThat(totals.at("/accepted/reason").asText()).isEqualTo("the port rounds half-even");
    assertThat(totals.at("/accepted/ticket").asText()).isEqualTo("MIG-7");
    assertThat(totals.at("/accepted/until").asText()).isEqualTo("2026-12-31");
    assertThat(totals.at("/accepted/by").asText()).isEqualTo("ana");
    assertThat(totals.at("/accepted/at").asText()).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(json.at("/clusters").size()).as("an accepted case is no failure group").isZero();
    Verdict read = VerdictJson.read(out.resolve("verdict.json"));
    assertThat(read.fixtures().get(1).accepted()).contains(ROUNDING);
    assertThat(read.rejudged().decision()).isEqualTo(Decision.CANDIDATE);

    String junit = Files.readString(out.resolve("junit.xml"));
    assertThat(junit)
        .contains("failures=\"0\"", "errors=\"0\"")
        .contains("<property name=\"parity.status\" value=\"accepted\"/>")
        .contains("<property name=\"parity.accepted.reason\" value=\"the port rounds half-even\"/>")
        .contains("<property name=\"parity.accepted.ticket\" value=\"MIG-7\"/>")
        .contains("<system-out>accepted difference: the port rounds half-even (ticket MIG-7)")
        .doesNotContain("<failure");

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary)
        .contains("| cases | passed | failed | errors | accepted | duration |")
        .contains("| 2 | 1 | 0 | 0 | 1 |")
        .contains("### Accepted differences")
        .contains(
            "`totals`: **accepted**: the port rounds half-even (ticket MIG-7), until 2026-12-31");

    String html = Files.readString(out.resolve("index.html"));
    assertThat(html)
        .contains(".badge.accepted")
        .contains("\"status\":\"accepted\"")
        .contains("accepted: the port rounds half-even (ticket MIG-7)")
        .contains("<option value=\"accepted\">accepted</option>");
  }
}
