package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.CommandCase;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Suites;
import dev.parity.testing.Observations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypedRunnerTests {
  private static final CommandImplementation SH =
      new CommandImplementation(List.of("sh"), Map.of(), Optional.empty());
  private static final Suite SUITE = Suites.suite(Path.of("s"), SH).build();

  /** Completes every run it is given, to show what reaches it. */
  private static final class Commands extends TypedRunner<CommandImplementation, CommandCase> {
    Commands() {
      super(CommandImplementation.class, CommandCase.class);
    }

    @Override
    RunOutcome runTyped(Suite suite, CommandImplementation implementation, CommandCase testCase) {
      return new RunOutcome.Completed(Observations.command(0, testCase.id(), ""));
    }
  }

  @Test
  void runsItsOwnKindOfCase() {
    RunOutcome outcome = new Commands().run(SUITE, SH, Suites.commandCase("a"));

    assertThat(outcome.observation().orElseThrow().stream(Observation.STDOUT))
        .hasValueSatisfying(out -> assertThat(out).asString().isEqualTo("a"));
  }

  @Test
  void refusesAnotherKindOfCaseSayingWhichCase() {
    assertThatThrownBy(() -> new Commands().run(SUITE, SH, Suites.get("h", "/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Commands runs only a CommandCase on a CommandImplementation, not case [h] on sh");
  }
}
