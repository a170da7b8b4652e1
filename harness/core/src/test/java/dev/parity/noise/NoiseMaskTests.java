package dev.parity.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Observation;
import dev.parity.testing.Observations;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoiseMaskTests {

  private static NoiseMask mask(String first, String second) {
    return NoiseMask.between(
        Observations.command(0, first, ""), Observations.command(0, second, ""), s -> true);
  }

  private static boolean accepts(NoiseMask mask, String legacy, String candidate) {
    NoiseMask.Applied applied =
        mask.apply(Observations.command(0, legacy, ""), Observations.command(0, candidate, ""));
    return applied.legacy().sameContentAs(applied.candidate());
  }

  @Test
  void onlyTheDifferingTokenIsDiscountedAndOnlyForItsShape() {
    NoiseMask mask = mask("id ab12cd34 status ok\n", "id 9f8e7d6c status ok\n");

    assertThat(accepts(mask, "id ab12cd34 status ok\n", "id 0a1b2c3d status ok\n")).isTrue();
    assertThat(accepts(mask, "id ab12cd34 status ok\n", "id 0a1b2c3d status no\n")).isFalse();
    assertThat(accepts(mask, "id ab12cd34 status ok\n", "id 0a1b2c3 status ok\n")).isFalse();
    assertThat(accepts(mask, "id ab12cd34 status ok\n", "id zzzzzzzz status ok\n")).isFalse();
    assertThat(accepts(mask, "id ab12cd34 status ok\n", "id ab12cd34 ok ok\n")).isFalse();
  }

  @Test
  void aNumberAcceptsAnyNumberAndLettersAcceptLettersOfTheSameLength() {
    NoiseMask mask = mask("took 42 ms by qwertyui\n", "took 107 ms by asdfghjk\n");

    assertThat(accepts(mask, "took 42 ms by qwertyui\n", "took 9000 ms by zxcvbnma\n")).isTrue();
    assertThat(accepts(mask, "took 42 ms by qwertyui\n", "took x ms by zxcvbnma\n")).isFalse();
    assertThat(accepts(mask, "took 42 ms by qwertyui\n", "took 9 ms by zxcvbnmaa\n")).isFalse();
    assertThat(accepts(mask, "took 42 ms by qwertyui\n", "took 9 ms by ZXCVBNMA\n")).isFalse();
  }

  @Test
  void aUuidAcceptsAUuid() {
    NoiseMask mask =
        mask(
            "request 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f\n",
            "request 0c9d5e4f-1a2b-4c3d-9e8f-a1b2c3d4e5f6\n");

    assertThat(
            accepts(
                mask,
                "request 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f\n",
                "request 11111111-2222-4333-8444-555555555555\n"))
        .isTrue();
    assertThat(
            accepts(
                mask,
                "request 3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f\n",
                "request 11111111-2222-4333-8444-55555555555\n"))
        .isFalse();
  }

  @Test
  void aUuidWhoseGroupWasAllDigitsInBothRunsStillAcceptsAnyUuid() {
    NoiseMask mask =
        mask(
            "request d6eac728-8018-48a3-9633-8706d7803930\n",
            "request 5e4f6a7b-1a2b-4c3d-1234-a1b2c3d4e5f6\n");

    assertThat(
            accepts(
                mask,
                "request d6eac728-8018-48a3-9633-8706d7803930\n",
                "request d6eac728-8018-48a3-a75e-8706d7803930\n"))
        .isTrue();
    assertThat(mask.describe(5)).containsExactly("stdout line 1, token 2: uuid");
  }

  @Test
  void otherLinesAreComparedExactlyEvenWhenTheyHaveTheNoisesShape() {
    NoiseMask mask = mask("qwertyui\nstatus: deployed\n", "asdfghjk\nstatus: deployed\n");

    assertThat(accepts(mask, "qwertyui\nstatus: deployed\n", "zxcvbnma\nstatus: failedxx\n"))
        .isFalse();
  }

  @Test
  void linesWhoseRunsDifferInTheirTokensAreNeverDiscounted() {
    NoiseMask mask = mask("a 1\nb\n", "a 1 2\nb\n");

    assertThat(mask.isEmpty()).isTrue();
    assertThat(accepts(mask, "a 1\nb\n", "a 3\nb\n")).isFalse();
  }

  @Test
  void linesInAnotherOrderAreNoNoiseOfTheirTokens() {
    // Legacy prints a hash map: its two runs list the same people in another order. Paired by
    // position, the ids and names were noise, and a candidate listing other people passed.
    NoiseMask mask = mask("id 1 alice\nid 2 bob\n", "id 2 bob\nid 1 alice\n");

    assertThat(mask.isEmpty()).isTrue();
    assertThat(accepts(mask, "id 1 alice\nid 2 bob\n", "id 7 carol\nid 9 dave\n")).isFalse();
    // A line moved and another changed: only the changed one is noise.
    NoiseMask moved = mask("h\nid 1 alice\nt 10\n", "id 1 alice\nh\nt 12\n");
    assertThat(moved.describe(5)).containsExactly("stdout line 3, token 2: [0-9]+");
  }

  @Test
  void everyDiscountedDifferenceIsListedWithItsPlace() {
    NoiseMask mask = mask("x\nid 11 and 22\n", "x\nid 33 and 44\n");

    NoiseMask.Applied applied =
        mask.apply(
            Observations.command(0, "x\nid 11 and 22\n", ""),
            Observations.command(0, "x\nid 55 and 22\n", ""));

    assertThat(applied.discounted())
        .containsExactly(new Discounted("stdout", 2, 2, "[0-9]+", "11", "55"));
    assertThat(applied.discounted().get(0).describe())
        .isEqualTo("line 2, token 2: legacy 11, candidate 55 (both [0-9]+)");
    assertThat(text(applied.candidate())).isEqualTo("x\nid 11 and 22\n");
  }

  @Test
  void aThirdRunWidensTheShapeOnlyAsFarAsItsOwnValues() {
    NoiseMask mask = mask("v qw\n", "v er\n").plus(mask("v qw\n", "v tyu\n"));

    assertThat(accepts(mask, "v qw\n", "v xyz\n")).isTrue();
    assertThat(accepts(mask, "v qw\n", "v wxyz\n")).isFalse();
    assertThat(mask.describe(10)).containsExactly("stdout line 1, token 2: [a-z]{2,3}");
  }

  @Test
  void hexNoiseAcceptsHexOnly() {
    NoiseMask mask = mask("v ab12\n", "v cd34\n");

    assertThat(accepts(mask, "v ab12\n", "v ef56\n")).isTrue();
    assertThat(accepts(mask, "v ab12\n", "v gh56\n")).isFalse();
  }

  private static String text(Observation o) {
    return new String(o.streams().get("stdout"), StandardCharsets.UTF_8);
  }
}
