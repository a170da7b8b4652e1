package dev.parity.noise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.RuleStats;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.testing.Observations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class NoiseProbeTests {
  private static final Implementation PRIMARY = side("primary");
  private static final Implementation SECONDARY = side("secondary");

  private static Implementation side(String name) {
    return new CommandImplementation(List.of(name), Map.of(), Optional.empty());
  }

  /** Answers {@code served by <instance>}, and records which implementation each run went to. */
  private static final class Instances implements Runner {
    final List<Implementation> ran = new CopyOnWriteArrayList<>();

    @Override
    public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
      ran.add(implementation);
      String name = ((CommandImplementation) implementation).command().get(0);
      return new RunOutcome.Completed(Observations.command(0, "served by " + name + "\n", ""));
    }
  }

  /** A suite of one case whose legacy has a second instance. */
  private static Suite withSecondary() {
    return Suites.suite(Path.of("s"), PRIMARY, side("candidate"))
        .legacySecondary(SECONDARY)
        .cases(Suites.commandCase("a"))
        .build();
  }

  private static Noise probe(Suite suite, Runner runner, int runs) {
    Case testCase = suite.cases().get(0);
    return new NoiseProbe(runner, new ObservationComparator())
        .probe(
            suite,
            testCase,
            Observations.command(0, "served by primary\n", ""),
            runs,
            new Pipeline(List.of()),
            new RuleStats());
  }

  @Test
  void noiseRunsAlternateBetweenLegacySecondaryAndLegacyAndFindTheInstancesDifference() {
    Suite suite = withSecondary();
    Instances runner = new Instances();

    Noise noise = probe(suite, runner, 4);

    assertThat(runner.ran).containsExactly(SECONDARY, PRIMARY, SECONDARY);
    assertThat(noise.noisy()).isTrue();
    // Run 2 went to the second instance: the facts say so, so nobody looks for noise in legacy.
    assertThat(noise.facts().toString())
        .contains("legacy runs 1 and 2 (on legacySecondary) differ");
    assertThat(noise.facts().toString()).doesNotContain("legacy runs 1 and 3");
  }

  @Test
  void aNoiseRunOnLegacySecondaryThatFailsIsNamedAsSuch() {
    Suite suite = withSecondary();
    Runner secondaryDown =
        (s, implementation, c) ->
            implementation == SECONDARY
                ? new RunOutcome.Unavailable("connection refused", Duration.ZERO)
                : new RunOutcome.Completed(Observations.command(0, "served by primary\n", ""));

    Noise noise = probe(suite, secondaryDown, 3);

    assertThat(noise.noisy()).isTrue();
    assertThat(noise.facts().toString())
        .contains("legacy run 2 (on legacySecondary) did not complete: connection refused")
        .doesNotContain("legacy run 3");
  }

  @Test
  void withoutLegacySecondaryEveryNoiseRunGoesToLegacy() {
    Suite suite =
        Suites.suite(Path.of("s"), PRIMARY, side("candidate"))
            .cases(Suites.commandCase("a"))
            .build();
    Instances runner = new Instances();

    Noise noise = probe(suite, runner, 3);

    assertThat(runner.ran).containsExactly(PRIMARY, PRIMARY);
    assertThat(noise.noisy()).isFalse();
  }
}
