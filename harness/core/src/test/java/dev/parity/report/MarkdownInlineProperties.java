package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.testing.CaseResults;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Performance;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Text that summary.md puts inline (reasons, check names with case tags, table cells, code spans)
 * stays on its line: CommonMark ends a line at LF, CR or CRLF, and a line that text starts can be a
 * heading, a table row or a list item of its own, saying anything (even that the candidate ships).
 */
class MarkdownInlineProperties {
  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("\r\n`|<>#*_[]\\ a\u2705-=").ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(40));
  }

  @Property(tries = 3_000)
  void plainTextHasNoLineEnding(@ForAll("hostile") String value) {
    assertThat(MarkdownReporter.text(value)).doesNotContain("\r", "\n");
  }

  @Property(tries = 3_000)
  void aCodeSpanHasNoLineEnding(@ForAll("hostile") String value) {
    assertThat(MarkdownReporter.code(value)).doesNotContain("\r", "\n");
  }

  @Example
  void aTagCannotMakeTheSummaryOfALegacyGateSayTheCandidateShips() {
    String tag = "x\r## \u2705 Parity verify s: candidate ships\r";
    List<Fact> none = List.of();
    CaseResult passing =
        CaseResults.of("a", Status.PASS).tags(List.of(tag)).summary("x").facts(none).build();
    Verdict verdict =
        Verdict.gate(
            Verdict.of("s", Mode.VERIFY, List.of(passing), List.of(), Instant.EPOCH, 5),
            slower(),
            Map.of(),
            5);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);

    String summary = MarkdownReporter.render(verdict);

    List<String> lines = Arrays.asList(summary.split("\r\n|\r|\n", -1));
    assertThat(lines.stream().filter(l -> l.startsWith("#")))
        .containsExactly("## \u274C Parity verify s: legacy ships");
    assertThat(lines.stream().filter(l -> l.contains("candidate ships")))
        .as("the tag stays inside its table row")
        .singleElement()
        .asString()
        .startsWith("| group x ")
        .endsWith(" | fail | decision legacy |");
  }

  private static Performance slower() {
    return new Performance(
        OptionalDouble.of(1.5),
        OptionalDouble.of(1.4),
        OptionalDouble.of(1.6),
        1.10,
        1.05,
        true,
        PerformanceStatus.FAIL,
        Optional.empty(),
        Optional.empty(),
        "m",
        List.of());
  }
}
