package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
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
    return CaseResult.builder("a", Status.PASS, "identical")
        .jsonChanges(jsonChanges)
        .discounted(discounted)
        .build();
  }

  private static final Acceptance ROUNDING =
      Acceptance.of(
          "rounding",
          Optional.of("T-1"),
          Optional.empty(),
          "ann",
          Instant.parse("2026-01-01T00:00:00Z"));

  /** Every component set to a value no default has. */
  private static CaseResult everyField() {
    return CaseResult.builder("g/a", Status.FAIL, "stdout differ")
        .tags(List.of("g"))
        .facts(List.of(new Fact("stdout", "1 line differs")))
        .notes(List.of(new Fact("note", "golden created")))
        .diffs(
            List.of(
                new StreamDiff(
                    "stdout", StreamDiff.Kind.TEXT, 1, 1, false, false, "--- a\n+++ b\n")))
        .durationsMs(Map.of("candidate", 3L))
        .jsonChanges(
            List.of(
                new JsonChange(
                    "stdout",
                    0,
                    1,
                    "/a",
                    JsonChange.Kind.CHANGED,
                    Optional.of("1"),
                    Optional.of("2"))))
        .noisy(true)
        .noise(List.of(new Fact("noise", "line 1")))
        .discounted(List.of(TOKEN))
        .accepted(Optional.of(ROUNDING))
        .reproducer(
            Optional.of(
                Reproducer.notReproduced(List.of("c1"), List.of("stdout: letter case"), 3, "no")))
        .build();
  }

  @Test
  void aBuilderFromAResultRebuildsItExactly() {
    CaseResult result = everyField();

    assertThat(result.toBuilder().build()).isEqualTo(result);
    assertThat(result.toBuilder().summary("other").build())
        .isEqualTo(
            new CaseResult(
                "g/a",
                List.of("g"),
                Status.FAIL,
                "other",
                result.facts(),
                result.notes(),
                result.diffs(),
                Map.of("candidate", 3L),
                result.jsonChanges(),
                true,
                result.noise(),
                List.of(TOKEN),
                Optional.of(ROUNDING),
                result.reproducer()));
  }

  @Test
  void aBuiltResultIsEmptyButForTheRequiredValues() {
    CaseResult result = CaseResult.builder("a", Status.ERROR, "boom").build();

    assertThat(result)
        .isEqualTo(
            new CaseResult(
                "a",
                List.of(),
                Status.ERROR,
                "boom",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                false,
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty()));
  }

  @Test
  void eachWitherChangesOnlyItsOwnComponents() {
    CaseResult result = everyField();
    Fact more = new Fact("accepted", "no longer holds");

    assertThat(result.withFacts(List.of(more)))
        .isEqualTo(result.toBuilder().facts(List.of(result.facts().get(0), more)).build());
    assertThat(result.withNotes(List.of(more)))
        .isEqualTo(result.toBuilder().notes(List.of(result.notes().get(0), more)).build());
    assertThat(result.withJsonChanges(List.of()))
        .isEqualTo(result.toBuilder().jsonChanges(List.of()).build());
    assertThat(result.withNoise(false, List.of()))
        .isEqualTo(result.toBuilder().noisy(false).noise(List.of()).build());
    assertThat(result.withDiscounted(List.of()))
        .isEqualTo(result.toBuilder().discounted(List.of()).build());
    assertThat(result.toBuilder().accepted(Optional.empty()).build().asAccepted(ROUNDING))
        .isEqualTo(
            result.toBuilder()
                .status(Status.ACCEPTED)
                .summary("accepted: rounding (ticket T-1)")
                .build());
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
