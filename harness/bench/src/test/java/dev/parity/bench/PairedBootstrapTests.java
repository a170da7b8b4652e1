package dev.parity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedBootstrapTests {
  @Test
  void identicalRoundsGiveAZeroWidthInterval() {
    double ln2 = Math.log(2);

    PairedBootstrap.Interval interval =
        PairedBootstrap.of(List.of(new double[] {ln2, ln2, ln2, ln2}));

    assertThat(interval.ratio()).isCloseTo(2.0, within(1e-12));
    assertThat(interval.low()).isCloseTo(2.0, within(1e-12));
    assertThat(interval.high()).isCloseTo(2.0, within(1e-12));
    assertThat(interval.relativeHalfWidth()).isCloseTo(0, within(1e-12));
  }

  @Test
  void ratioIsTheTrimmedGeometricMeanOfRoundRatiosAndTheIntervalContainsIt() {
    double[] rounds = {
      Math.log(1.8), Math.log(2.2), Math.log(1.9), Math.log(2.1), Math.log(2.0), Math.log(2.05)
    };

    PairedBootstrap.Interval interval = PairedBootstrap.of(List.of(rounds));

    // 6 rounds: the lowest (1.8) and the highest (2.2) are set aside.
    double trimmed = Math.exp((Math.log(1.9) + Math.log(2.1) + Math.log(2.0) + Math.log(2.05)) / 4);
    assertThat(interval.ratio()).isCloseTo(trimmed, within(1e-12));
    assertThat(interval.low()).isLessThan(interval.ratio()).isGreaterThanOrEqualTo(1.8);
    assertThat(interval.high()).isGreaterThan(interval.ratio()).isLessThanOrEqualTo(2.2);
  }

  @Test
  void aFewBurstsDoNotMoveTheRatio() {
    double[] rounds = {0, 0, 0, 0, 0, 0, 0, 0, 0, Math.log(5)};

    assertThat(PairedBootstrap.of(List.of(rounds)).ratio()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void casesWeighTheSameWhateverTheirRoundCount() {
    double[] one = {0, 0, 0, 0, 0, 0, 0, 0};
    double[] four = {Math.log(4), Math.log(4), Math.log(4)};

    PairedBootstrap.Interval interval = PairedBootstrap.of(List.of(one, four));

    assertThat(interval.ratio()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void widerScatterGivesAWiderInterval() {
    double[] tight = {0.01, -0.01, 0.02, -0.02, 0.0, 0.01};
    double[] loose = {0.1, -0.1, 0.2, -0.2, 0.0, 0.1};

    assertThat(PairedBootstrap.of(List.of(loose)).relativeHalfWidth())
        .isGreaterThan(PairedBootstrap.of(List.of(tight)).relativeHalfWidth());
  }

  @Test
  void isReproducible() {
    double[] rounds = {0.1, -0.05, 0.2, 0.03, 0.07};

    assertThat(PairedBootstrap.of(List.of(rounds))).isEqualTo(PairedBootstrap.of(List.of(rounds)));
  }

  @Test
  void needsAtLeastOneRoundPerCase() {
    assertThatThrownBy(() -> PairedBootstrap.of(List.of(new double[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
