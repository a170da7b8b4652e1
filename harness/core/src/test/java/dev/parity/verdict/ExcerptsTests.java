package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.StreamDiff;
import dev.parity.testing.CaseResults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcerptsTests {
  @Test
  void keepsATextWithinTheBoundAsItIs() {
    String text = "é".repeat(512);

    assertThat(Excerpts.cap(text, 1024, "a")).isSameAs(text);
  }

  @Test
  void cutsAtACharacterBoundaryInBytesAndSaysWhere() {
    String text = "é".repeat(2048) + "😀";

    String cut = Excerpts.cap(text, 1025, "x/y");

    String note = "\n[parity: cut at 1 KiB of 4 KiB; full output in observations/x/y/]\n";
    assertThat(cut).isEqualTo("é".repeat((1025 - note.length()) / 2) + note);
    assertThat(Excerpts.utf8Length(cut)).isLessThanOrEqualTo(1025);
    assertThat(Excerpts.utf8Length("😀é")).isEqualTo("😀é".getBytes(StandardCharsets.UTF_8).length);
  }

  /** A failing case whose summary, fact and two diffs are each three times their cap. */
  private static CaseResult oversized() {
    String big = "+" + "x".repeat(3 * Excerpts.DIFF_BYTES);
    StreamDiff stdout = new StreamDiff("stdout", StreamDiff.Kind.TEXT, 1, 1, false, false, big);
    StreamDiff stderr = new StreamDiff("stderr", StreamDiff.Kind.TEXT, 1, 1, false, false, big);
    return CaseResults.of("c", Status.FAIL)
        .summary("s".repeat(3 * Excerpts.FACT_BYTES))
        .facts(List.of(new Fact("stdout", "m".repeat(3 * Excerpts.FACT_BYTES))))
        .diffs(List.of(stdout, stderr))
        .build();
  }

  @Test
  void theDiffsOfOneCaseShareOneBudget() {
    CaseResult result = oversized();

    CaseResult capped = Excerpts.capped(result);

    assertThat(capped.diff().length()).isLessThan(Excerpts.DIFF_BYTES + 200);
    assertThat(capped.diffs()).allMatch(StreamDiff::truncated);
    assertThat(capped.summary()).hasSizeLessThan(Excerpts.FACT_BYTES + 200);
    assertThat(capped.facts().get(0).message()).contains("[parity: cut at 4 KiB of 12 KiB");
    assertThat(capped.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void cappingTwiceChangesNothing() {
    CaseResult result = oversized();

    CaseResult once = Excerpts.capped(result);

    assertThat(Excerpts.capped(once)).isEqualTo(once);
  }
}
