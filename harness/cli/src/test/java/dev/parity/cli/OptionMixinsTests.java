package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Options that several commands take are declared once, in a mixin, so they cannot drift. */
class OptionMixinsTests {
  private static final Map<String, Class<?>> SHARED =
      Map.of("--jobs", JobsOption.class, "--runs", RunsOption.class);

  private static List<CommandSpec> commands() {
    return new CommandLine(new ParityCommand())
        .getSubcommands().values().stream().map(CommandLine::getCommandSpec).toList();
  }

  @Test
  void jobsAndRunsComeFromTheirMixinsInEveryCommand() {
    int checked = 0;
    for (CommandSpec command : commands()) {
      for (Map.Entry<String, Class<?>> shared : SHARED.entrySet()) {
        if (command.findOption(shared.getKey()) != null) {
          assertThat(command.mixins().values())
              .as(command.name() + " " + shared.getKey())
              .anyMatch(mixin -> shared.getValue().isInstance(mixin.userObject()));
          checked++;
        }
      }
    }
    // record, verify, compare, gate and demo take --jobs; record and compare --runs.
    assertThat(checked).isEqualTo(7);
  }

  /** The mixins of {@code spec}, and theirs in turn (CommonOptions holds GoldenOption). */
  private static List<Object> mixinsOf(CommandSpec spec) {
    return spec.mixins().values().stream()
        .flatMap(m -> Stream.concat(Stream.of(m.userObject()), mixinsOf(m).stream()))
        .toList();
  }

  /** The names of the commands that hold a {@code mixin}, directly or in another mixin. */
  private static List<String> holding(Class<?> mixin) {
    return commands().stream()
        .filter(c -> mixinsOf(c).stream().anyMatch(mixin::isInstance))
        .map(CommandSpec::name)
        .sorted()
        .toList();
  }

  private static List<String> takingFrom(String option, Class<?> mixin) {
    return commands().stream()
        // A hidden option is one a command no longer offers but still accepts (compare --golden).
        .filter(c -> c.findOption(option) != null && !c.findOption(option).hidden())
        .peek(
            c ->
                assertThat(mixinsOf(c))
                    .as(c.name() + " " + option)
                    .anyMatch(m -> mixin.isInstance(m)))
        .map(CommandSpec::name)
        .sorted()
        .toList();
  }

  @Test
  void goldenComesFromItsMixinInEveryCommand() {
    assertThat(takingFrom("--golden", GoldenOption.class))
        .containsExactly(
            "accept", "accepted", "gate", "prune", "record", "reject", "review", "verify");
  }

  @Test
  void forceThatOnlyLiftsTheCiRefusalComesFromItsMixin() {
    // record's --force also decides whether new cases become goldens, so it says so itself.
    assertThat(holding(ForceOption.class)).containsExactly("accept", "review");
  }

  @Test
  void theSuiteParameterComesFromItsMixin() {
    assertThat(holding(SuiteParameter.class))
        .containsExactly(
            "accept",
            "accepted",
            "bench",
            "compare",
            "gate",
            "prune",
            "record",
            "reject",
            "review",
            "shadow",
            "verify");
  }

  @Test
  void demoRejectsJobsBelowOneAsAUsageError() {
    Cli cli = Cli.run("demo", "--jobs", "0");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--jobs must be at least 1, was [0]");
  }
}
