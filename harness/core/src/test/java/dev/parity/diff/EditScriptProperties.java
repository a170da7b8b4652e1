package dev.parity.diff;

import static dev.parity.diff.EditScriptModel.lcs;
import static dev.parity.diff.EditScriptModel.length;
import static dev.parity.diff.EditScriptModel.replay;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The line diff against small reference models ({@link EditScriptModel}): a naive LCS table for
 * minimality, replaying the edits for correctness, and {@link Arrays#equals} for "no difference iff
 * the bytes are equal".
 */
class EditScriptProperties {

  @Property(tries = 1_000)
  void smallInputsGetAMinimalScriptThatTurnsLegacyIntoCandidate(
      @ForAll("ids") int[] legacy, @ForAll("ids") int[] candidate) {
    EditScript.Result result = EditScript.of(legacy, candidate, 6, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(result.approximate()).isFalse();
    assertThat(length(result.edits()))
        .isEqualTo(legacy.length + candidate.length - 2 * lcs(legacy, candidate));
  }

  @Property(tries = 40)
  void largeInputsAreAnchoredAndStillTurnLegacyIntoCandidate(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
      @ForAll @IntRange(min = 1, max = 300) int changeOneIn) {
    Random random = new Random(seed);
    int size = EditScript.MYERS_LINES * 3;
    int[] legacy = EditScriptModel.lines(random, size);
    int[] candidate = EditScriptModel.edited(random, legacy, changeOneIn);

    EditScript.Result result = EditScript.of(legacy, candidate, 2 * size + 4, Long.MAX_VALUE / 4);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
    assertThat(result.approximate()).isFalse();
    assertThat(result.edits().isEmpty()).isEqualTo(Arrays.equals(legacy, candidate));
  }

  @Property(tries = 300)
  void aScriptPastItsBudgetIsPositionalButStillCorrect(
      @ForAll("ids") int[] legacy, @ForAll("ids") int[] candidate) {
    EditScript.Result result = EditScript.of(legacy, candidate, 6, 0);

    assertThat(replay(legacy, candidate, result.edits())).isEqualTo(candidate);
  }

  @Property(tries = 2_000)
  void bytesDifferIffTheDiffHasChangesAndCountsMatchTheStringDiff(
      @ForAll("texts") byte[] legacy, @ForAll("texts") byte[] candidate) {
    TextDiffer differ = new TextDiffer(Duration.ofSeconds(10), 2_000, 3);

    StreamDiff bytes = differ.diff("stdout", legacy, candidate, SideNames.LIVE);
    StreamDiff strings =
        differ.diff(
            "stdout",
            Texts.lines(new String(legacy, StandardCharsets.UTF_8)),
            Texts.lines(new String(candidate, StandardCharsets.UTF_8)),
            SideNames.LIVE);

    assertThat(bytes.removed() + bytes.added() == 0).isEqualTo(Arrays.equals(legacy, candidate));
    assertThat(bytes).isEqualTo(strings);
  }

  @Provide
  Arbitrary<int[]> ids() {
    return Arbitraries.integers().between(0, 5).array(int[].class).ofMaxSize(60);
  }

  @Provide
  Arbitrary<byte[]> texts() {
    return Arbitraries.of("a", "b", "\n", "\n", "é", "ab\n", "\r", "0123456789abcdef")
        .list()
        .ofMaxSize(30)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              parts.forEach(p -> out.writeBytes(p.getBytes(StandardCharsets.UTF_8)));
              return out.toByteArray();
            });
  }
}
