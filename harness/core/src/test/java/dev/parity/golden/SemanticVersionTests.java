package dev.parity.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Versions order as Semantic Versioning says; an {@code until} is a date or a version. */
class SemanticVersionTests {
  private static SemanticVersion v(String text) {
    return SemanticVersion.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "1.9, 1.10",
    "1.0.0, 2",
    "2.0-rc.1, 2.0",
    "2.0.0-alpha, 2.0.0-alpha.1",
    "2.0.0-alpha.1, 2.0.0-alpha.beta",
    "2.0.0-beta.2, 2.0.0-beta.11",
    "2.0.0-rc.1, 2.0.0",
    "v1.2.3, 1.2.4",
  })
  void ordersVersionsAsSemanticVersioningDoes(String lower, String higher) {
    assertThat(v(lower)).isLessThan(v(higher));
    assertThat(v(higher)).isGreaterThan(v(lower));
  }

  @Test
  void missingNumbersAreZeroAndBuildMetadataIsIgnored() {
    assertThat(v("2.0")).isEqualByComparingTo(v("2.0.0"));
    assertThat(v("v2.0.0+build.7")).isEqualByComparingTo(v("2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "", "1..2", "2.x", "-1", "1.2.3.4.5", "next release"})
  void rejectsWhatIsNoVersion(String text) {
    assertThat(SemanticVersion.parse(text)).isEmpty();
    assertThat(Until.parse(text)).isEmpty();
  }

  @Test
  void anUntilIsADateFirstThenAVersion() {
    assertThat(Until.parse("2026-12-01")).contains(new Until.Day(LocalDate.parse("2026-12-01")));
    assertThat(Until.parse("2.3")).contains(new Until.Version(v("2.3")));
  }

  @Test
  void aVersionBoundAppliesThroughItsVersionAndNeverWithoutOne() {
    Until until = Until.parse("2.3").orElseThrow();
    LocalDate today = LocalDate.parse("2026-11-30");

    assertThat(until.expiry(today, Optional.of(v("2.3.0")))).isEmpty();
    assertThat(until.expiry(today, Optional.of(v("2.3.0-rc.1")))).isEmpty();
    assertThat(until.expiry(today, Optional.of(v("2.3.1"))))
        .contains("accepted difference expired after version 2.3 (the candidate is version 2.3.1)");
    assertThat(until.expiry(today, Optional.empty()))
        .hasValueSatisfying(m -> assertThat(m).contains("--candidate-version"));
  }
}
