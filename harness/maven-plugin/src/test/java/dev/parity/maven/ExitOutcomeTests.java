package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitOutcomeTests {
  @Test
  void aPassingRunPassesTheBuild() {
    assertThat(ExitOutcome.of("verify", "fixtures/x", 0, true, ""))
        .isEqualTo(new ExitOutcome(Optional.empty(), Optional.empty()));
  }

  @Test
  void aDecisionOfLegacyFailsTheBuildSayingHowToOnlyReport() {
    assertThat(ExitOutcome.of("verify", "fixtures/x", 1, true, "").failure())
        .hasValue(
            "parity verify fixtures/x: decision legacy (exit 1): at least one case differs or"
                + " errored; the differences and where the reports are are listed above. To only"
                + " report, set <failOnLegacy>false</failOnLegacy> or"
                + " -Dparity.failOnLegacy=false.");
  }

  @Test
  void withFailOnLegacyOffADecisionOfLegacyOnlyWarns() {
    ExitOutcome mismatch = ExitOutcome.of("gate", "fixtures/x", 1, false, "");
    ExitOutcome unavailable = ExitOutcome.of("gate", "fixtures/x", 3, false, "");

    assertThat(mismatch.failure()).isEmpty();
    assertThat(mismatch.warning()).get().asString().contains("decision legacy (exit 1)");
    assertThat(unavailable.failure()).isEmpty();
    assertThat(unavailable.warning())
        .get()
        .asString()
        .contains("(exit 3): an implementation could not be run");
  }

  @Test
  void anUnavailableImplementationFailsTheBuildByDefault() {
    assertThat(ExitOutcome.of("compare", "fixtures/x", 3, true, "").failure())
        .get()
        .asString()
        .startsWith("parity compare fixtures/x: decision legacy (exit 3)");
  }

  @Test
  void aConfigurationErrorFailsTheBuildEvenWhenOnlyReportingWithWhatTheCommandSaid() {
    String said = "parity: configuration error: fixtures/x/suite.yaml:3:1: unknown key [cases2]";

    assertThat(ExitOutcome.of("verify", "fixtures/x", 2, false, said).failure())
        .hasValue(
            "parity verify fixtures/x: usage or configuration error (exit 2), nothing was"
                + " compared: "
                + said);
  }
}
