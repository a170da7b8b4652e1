package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A run of one command builds only that command, and it is the same command as in the tree. */
class CommandTreeTests {
  static Set<String> commands() {
    Set<String> names = CommandTree.whole(new ParityCommand()).getSubcommands().keySet();
    return names.stream().filter(n -> !n.equals("help")).collect(Collectors.toSet());
  }

  @Test
  void aRunOfOneCommandBuildsOnlyThatCommand() {
    CommandLine line = CommandTree.of(new ParityCommand(), "verify", "suite", "--golden", "g");

    assertThat(line.getSubcommands().keySet()).containsExactly("verify");
    assertThat(line.getCommandName()).isEqualTo("parity");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--help", "-h", "help", "completion", "verfy", "--verbose"})
  void anythingButTheNameOfACommandGetsEveryCommand(String first) {
    String[] args = first.isEmpty() ? new String[0] : new String[] {first, "verify"};

    assertThat(CommandTree.of(new ParityCommand(), args).getSubcommands().keySet())
        .containsExactlyElementsOf(
            CommandTree.whole(new ParityCommand()).getSubcommands().keySet());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void eachCommandsHelpIsTheSameAloneAsInTheWholeTree(String command) {
    CommandLine whole = CommandTree.whole(new ParityCommand());
    CommandLine alone = CommandTree.of(new ParityCommand(), command);
    ExitCodeHelp.install(whole);
    ExitCodeHelp.install(alone);

    assertThat(help(alone.getSubcommands().get(command)))
        .isEqualTo(help(whole.getSubcommands().get(command)))
        .contains("Usage: parity " + command);
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorsAndTheirExitCodeAreTheSameAsWithEveryCommand(List<String> args) {
    StringWriter aloneErr = new StringWriter();
    int alone =
        ParityCommand.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(aloneErr),
            args.toArray(String[]::new));

    assertThat(alone).isEqualTo(2);
    assertThat(aloneErr.toString())
        .startsWith("parity: ")
        .contains("Run 'parity " + args.get(0) + " --help' for usage.");
  }

  static List<List<String>> usageErrors() {
    return List.of(
        List.of("verify"),
        List.of("verify", "--no-such-option", "suite"),
        List.of("compare", "a", "b", "c"),
        List.of("record", "--jobs", "zero", "suite"));
  }

  private static String help(CommandLine command) {
    StringWriter text = new StringWriter();
    command.usage(new PrintWriter(text, true), CommandLine.Help.Ansi.OFF);
    return text.toString();
  }
}
