package dev.parity.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CasePerformanceTests {
  private static final SideTiming LEGACY = new SideTiming(10.0, 9.0, 11.0, 5, OptionalLong.empty());
  private static final SideTiming CANDIDATE =
      new SideTiming(12.0, 11.0, 13.0, 5, OptionalLong.of(2048));

  private static CasePerformance measured() {
    return CasePerformance.measured(
        "a", List.of("g"), PerformanceStatus.PASS, 1.2, 7, LEGACY, CANDIDATE);
  }

  @Test
  void aMeasuredCaseHasItsRatioAndTimesAndNothingElse() {
    assertThat(measured())
        .isEqualTo(
            new CasePerformance(
                "a",
                List.of("g"),
                PerformanceStatus.PASS,
                OptionalDouble.of(1.2),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                7,
                Optional.of(LEGACY),
                Optional.of(CANDIDATE),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty()));
  }

  @Test
  void aCaseNotMeasuredIsAnErrorWithWhy() {
    assertThat(CasePerformance.notMeasured("a", List.of("g"), 3, "legacy timed out"))
        .isEqualTo(
            new CasePerformance(
                "a",
                List.of("g"),
                PerformanceStatus.ERROR,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                3,
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.of("legacy timed out"),
                Optional.empty()));
  }

  @Test
  void eachWitherChangesOnlyItsOwnComponents() {
    CasePerformance all = measured().withInterval(1.1, 1.3).withOverheadMs(0.5).inconclusive("why");

    assertThat(all)
        .isEqualTo(
            new CasePerformance(
                "a",
                List.of("g"),
                PerformanceStatus.INCONCLUSIVE,
                OptionalDouble.of(1.2),
                OptionalDouble.of(1.1),
                OptionalDouble.of(1.3),
                7,
                Optional.of(LEGACY),
                Optional.of(CANDIDATE),
                OptionalDouble.of(0.5),
                Optional.empty(),
                Optional.of("why")));
    assertThat(CasePerformance.notMeasured("a", List.of(), 1, "e").withOverheadMs(2).error())
        .contains("e");
  }
}
