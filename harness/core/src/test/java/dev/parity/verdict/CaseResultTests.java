package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.noise.Discounted;
import dev.parity.testing.CaseResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseResultTests {
  private static final Discounted TOKEN =
      new Discounted("stdout", 1, 0, "[a-z]{8}", "qwertyui", "asdfghjk");

  @TempDir Path dir;

  @Test
  void rejectsNullInsteadOfTurningItIntoEmpty() {
    assertThatThrownBy(() -> withLists(null, List.of())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> withLists(List.of(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CaseResults.passed("a").summary(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("summary");
    assertThat(withLists(List.of(), List.of()).noise()).isEmpty();
  }

  private static CaseResult withLists(List<JsonChange> jsonChanges, List<Discounted> discounted) {
    return new CaseResult(
        "a",
        List.of(),
        Status.PASS,
        "identical",
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        jsonChanges,
        false,
        List.of(),
        discounted,
        Optional.empty());
  }

  @Test
  void cappingForReportsKeepsTheDiscountedDifferences() {
    CaseResult result = CaseResults.passed("n").discounted(TOKEN).build();

    assertThat(Excerpts.capped(result).discounted()).containsExactly(TOKEN);
    assertThat(Excerpts.capped(result).discountedFacts())
        .containsExactly(
            new Fact(
                "discounted stdout",
                "line 1, token 0: legacy qwertyui, candidate asdfghjk (both [a-z]{8})"));
  }

  @Test
  void readsAVerdictWrittenBeforeJsonChangesNoiseAndDiscountsWereRecorded() throws IOException {
    Verdict written =
        Verdict.of(
            "s",
            Mode.COMPARE,
            List.of(CaseResults.failed("a").fact("stdout", "1 line differs").build()),
            List.of(),
            Instant.EPOCH,
            10);
    ObjectNode json = (ObjectNode) VerdictJson.mapper().valueToTree(written);
    ObjectNode fixture = (ObjectNode) json.withArray("fixtures").get(0);
    fixture.remove(List.of("jsonChanges", "noise", "discounted"));
    Path file = dir.resolve(VerdictJson.FILE);
    Files.writeString(file, json.toString());

    CaseResult read = VerdictJson.read(file).fixtures().get(0);

    assertThat(read.facts()).containsExactly(new Fact("stdout", "1 line differs"));
    assertThat(read.jsonChanges()).isEmpty();
    assertThat(read.noise()).isEmpty();
    assertThat(read.discounted()).isEmpty();
  }
}
