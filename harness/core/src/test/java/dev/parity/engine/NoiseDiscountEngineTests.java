package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare discounts exactly the tokens where legacy runs differed, each for its shape. */
class NoiseDiscountEngineTests {
  /** Eight random letters on a line of their own, then a status line of eight letters. */
  private static final String LEGACY =
      "tr -dc a-z </dev/urandom 2>/dev/null | head -c 8; echo; echo \"status: deployed\"";

  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  private Suite suite(String candidate) {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "s")
                .suiteYaml(
                    "name: s\nlegacy:\n  command: [sh, -c, '"
                        + LEGACY.replace("'", "''")
                        + "']\ncandidate:\n  command: [sh, -c, '"
                        + candidate.replace("'", "''")
                        + "']\ncases:\n  - id: n\n")
                .folder());
  }

  @Test
  void noiseOnOneLineDoesNotExcuseAnotherLineOfTheSameShape() {
    // The old discount turned the noise into a regex over the whole stream ([0-9a-z]{8}), which
    // also swallowed "deployed" and "failedxx" and passed this candidate.
    CaseResult result =
        engine
            .compare(
                suite(
                    "tr -dc a-z </dev/urandom 2>/dev/null | head -c 8; echo; echo \"status: failedxx\""),
                RunOptions.defaults())
            .fixtures()
            .get(0);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.diff()).contains("-status: deployed").contains("+status: failedxx");
    assertThat(result.discounted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.shape()).isEqualTo("[a-z]{8}");
            });
  }

  @Test
  void aValueOfTheNoisesShapeAtTheNoisyTokenIsDiscountedAndListed() {
    CaseResult result = engine.compare(suite(LEGACY), RunOptions.defaults()).fixtures().get(0);

    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.noisy()).isTrue();
    assertThat(result.discounted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.stream()).isEqualTo("stdout");
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.token()).isZero();
              assertThat(d.legacy()).matches("[a-z]{8}").isNotEqualTo(d.candidate());
              assertThat(d.candidate()).matches("[a-z]{8}");
            });
    assertThat(result.noise()).extracting(Fact::key).contains("noisy token", "discounted stdout");
  }

  @Test
  void aValueOfAnotherShapeAtTheNoisyTokenIsADifference() {
    CaseResult result =
        engine
            .compare(suite("echo 123456789; echo \"status: deployed\""), RunOptions.defaults())
            .fixtures()
            .get(0);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.discounted()).isEmpty();
  }

  @Test
  void noiseDetectReportsTheNoiseAndDiscountsNothing() {
    CaseResult result =
        engine
            .compare(suite(LEGACY), RunOptions.defaults().withNoise(NoiseMode.DETECT))
            .fixtures()
            .get(0);

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.noisy()).isTrue();
    assertThat(result.discounted()).isEmpty();
    assertThat(result.noise())
        .extracting(Fact::message)
        .contains("detected, not discounted (--noise detect)");
  }
}
