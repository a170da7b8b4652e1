package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.noise.Discounted;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differences discounted as legacy noise are in verdict.json and said in every report. */
class DiscountedReportTests {
  @TempDir Path folder;

  private static Verdict verdict() {
    CaseResult result =
        CaseResults.of("n", Status.FAIL)
            .summary("stdout differ")
            .build()
            .withDiscounted(
                List.of(new Discounted("stdout", 1, 0, "[a-z]{8}", "qwertyui", "asdfghjk")));
    return Verdict.of("s", Mode.COMPARE, List.of(result), List.of(), Instant.EPOCH, 10);
  }

  @Test
  void verdictJsonCarriesEveryDiscountedDifferenceAndReadsItBack() throws Exception {
    Path file = folder.resolve("verdict.json");
    Files.writeString(file, VerdictJson.toJson(verdict()));

    assertThat(Files.readString(file))
        .contains(
            "\"discounted\" : [ {\n      \"stream\" : \"stdout\",\n      \"line\" : 1,\n      \"token\" : 0,\n      \"shape\" : \"[a-z]{8}\",\n      \"legacy\" : \"qwertyui\",\n      \"candidate\" : \"asdfghjk\"\n    } ]");
    assertThat(VerdictJson.read(file).fixtures().get(0).discounted())
        .containsExactlyElementsOf(verdict().fixtures().get(0).discounted());
  }

  @Test
  void summaryAndJunitSayWhatWasDiscounted() throws Exception {
    assertThat(MarkdownReporter.render(verdict()))
        .contains(
            "1 difference discounted as legacy noise (each listed under `discounted` in verdict.json).");
    Path junit = new JUnitXmlReporter().write(verdict(), folder);
    assertThat(Files.readString(junit))
        .contains(
            "discounted stdout: line 1, token 0: legacy qwertyui, candidate asdfghjk (both [a-z]{8})");
  }
}
