package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * A case's arguments reach its program exactly as the suite wrote them, whichever way the program
 * is started (the launcher, {@code setsid}, or neither). The model is the identity: the program
 * prints each argument it got followed by a NUL byte, and that must be the suite's arguments, each
 * followed by a NUL. Commons Exec's {@code CommandLine} trimmed every argument (leading and
 * trailing spaces, tabs, line feeds, ESC and the other characters up to U+0020 were lost) and
 * turned a backslash in the program's path into a slash; legacy and candidate then both ran a case
 * other than the one written, and a candidate that mishandles such input passed.
 */
class ArgvProperties {
  private static final String PRINT_ARGS =
      "[sh, -c, 'for a; do printf \"%s\\0\" \"$a\"; done', argv0]";
  private Path root;

  @BeforeProperty
  void makeRoot() throws IOException {
    root = Files.createTempDirectory("argv");
  }

  @AfterProperty
  void removeRoot() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 40)
  void argumentsReachTheProgramExactlyThroughTheLauncher(@ForAll("argv") List<String> args)
      throws IOException {
    assertThat(printed(new CommandRunner(), args)).isEqualTo(model(args));
  }

  @Property(tries = 20)
  void argumentsReachTheProgramExactlyWithoutTheLauncher(@ForAll("argv") List<String> args)
      throws IOException {
    System.setProperty(Launcher.DISABLE_PROPERTY, "true");
    try {
      assertThat(printed(new CommandRunner(), args)).isEqualTo(model(args));
    } finally {
      System.clearProperty(Launcher.DISABLE_PROPERTY);
    }
  }

  @Property(tries = 20)
  void argumentsReachTheProgramExactlyWithoutTheLauncherOrSetsid(@ForAll("argv") List<String> args)
      throws IOException {
    System.setProperty(Launcher.DISABLE_PROPERTY, "true");
    System.setProperty("parity.noSetsid", "true");
    try {
      assertThat(printed(new CommandRunner(), args)).isEqualTo(model(args));
    } finally {
      System.clearProperty("parity.noSetsid");
      System.clearProperty(Launcher.DISABLE_PROPERTY);
    }
  }

  @Provide
  Arbitrary<List<String>> argv() {
    Arbitrary<Character> chars =
        Arbitraries.of(
            ' ', '\t', '\n', '\r', '\u001b', '\u0001', '\u000b', '\f', '\u007f', 'a', 'Z', '0', '"',
            '\'', '\\', '$', '{', '}', '*', '=', '-', 'é', '€', '\u00a0', '\u2028');
    return chars.list().ofMaxSize(8).map(ArgvProperties::join).list().ofMaxSize(5);
  }

  private String printed(CommandRunner runner, List<String> args) throws IOException {
    Path folder = Files.createTempDirectory(root, "s");
    String cases =
        "  - id: a\n    args: ["
            + args.stream().map(ArgvProperties::yamlString).collect(Collectors.joining(", "))
            + "]\n";
    Suite suite =
        new SuiteLoader()
            .load(
                TempSuite.in(folder, "s")
                    .suiteYaml(
                        "name: s\nlegacy:\n  command: "
                            + PRINT_ARGS
                            + "\ncandidate:\n  command: [sh]\ndefaults:\n  timeout: 20s\ncases:\n"
                            + cases)
                    .folder());
    RunOutcome outcome = runner.run(suite, suite.legacy(), suite.find("a").orElseThrow());
    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    byte[] stdout = outcome.observation().orElseThrow().stream("stdout").orElseThrow();
    return new String(stdout, StandardCharsets.UTF_8);
  }

  private static String model(List<String> args) {
    return args.stream().map(a -> a + "\0").collect(Collectors.joining());
  }

  private static String join(List<Character> chars) {
    return chars.stream().map(String::valueOf).collect(Collectors.joining());
  }

  /**
   * A YAML double-quoted scalar holding exactly {@code text}: everything but printable ASCII
   * escaped.
   */
  private static String yamlString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
