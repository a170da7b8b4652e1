package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What {@code --help} prints: wrapped once, by picocli, with every command's exit codes. */
class HelpTextTests {
  @TempDir Path temp;

  /** A line of text that ends inside a sentence, and the next line that goes on with it. */
  private static final Pattern BROKEN_SENTENCE = Pattern.compile("[a-z,]\\n\\s*[a-z(]");

  static List<String> commands() {
    List<String> names = new ArrayList<>(List.of(""));
    names.addAll(new CommandLine(new ParityCommand()).getSubcommands().keySet());
    names.remove("help");
    return names;
  }

  /** The help of {@code command} ("" for parity itself) as printed at {@code width} columns. */
  private static String help(String command, int width) {
    CommandLine root = new CommandLine(new ParityCommand());
    ExitCodeHelp.install(root);
    CommandLine target = command.isEmpty() ? root : root.getSubcommands().get(command);
    target.setUsageHelpWidth(width);
    StringWriter text = new StringWriter();
    target.usage(new PrintWriter(text, true), CommandLine.Help.Ansi.OFF);
    return text.toString();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void onAWideTerminalEveryParagraphIsOneLineBecauseNoTextIsWrappedByHand(String command) {
    String wide = help(command, 400);

    assertThat(BROKEN_SENTENCE.matcher(wide).results().map(m -> m.group()).toList())
        .as("parity %s --help at 400 columns:%n%s", command, wide)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void atEightyColumnsNoLineIsWiderThanTheTerminal(String command) {
    assertThat(help(command, 80).lines())
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
  }

  @Test
  void theRootParagraphReadsAsOneSentenceWhateverTheWidth() {
    assertThat(help("", 80).replaceAll("\\s+", " "))
        .contains("runs the same cases against a legacy and a candidate implementation, compares");
    assertThat(help("", 80)).doesNotContain("candidate\nimplementation");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"record", "verify", "compare", "gate", "bench", "merge", "report", "demo", ""})
  void everyCommandThatRunsOrJudgesASuiteListsAllFourExitCodes(String command) {
    String help = help(command, 100);

    assertThat(help).contains("Exit codes:");
    for (int code = 0; code <= 3; code++) {
      assertThat(help).as("exit code %d", code).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"accept", "reject", "accepted", "prune", "review"})
  void theReviewCommandsListTheExitCodesTheyCanReturn(String command) {
    String help = help(command, 100);

    assertThat(help).contains("Exit codes:").containsPattern("(?m)^\\s+0\\s+\\S");
    assertThat(help).containsPattern("(?m)^\\s+2\\s+\\S");
  }

  @Test
  void compareReadsNoGoldenSoItOffersNoGoldenOptionButScriptsThatPassOneStillRun()
      throws Exception {
    assertThat(help("compare", 100)).doesNotContain("--golden");

    Path suite = Files.createDirectories(temp.resolve("s"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        "name: s\nlegacy: {command: [/bin/echo]}\ncandidate: {command: [/bin/echo]}\n"
            + "cases:\n  - {id: one, args: [x]}\n");
    Cli cli =
        Cli.run(
            "compare",
            suite.toString(),
            "--golden",
            temp.resolve("unused").toString(),
            "--out",
            temp.resolve("out").toString());
    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    assertThat(temp.resolve("unused")).doesNotExist();
  }

  @Test
  void theHelpThatParityPrintsListsTheExitCodesToo() {
    Cli cli = Cli.run("compare", "--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("Exit codes:").containsPattern("(?m)^\\s+3\\s+\\S");
  }
}
