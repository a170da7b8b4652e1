package dev.parity.archive;

import dev.parity.fixture.Case;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.InputFile;
import dev.parity.fixture.Side;
import dev.parity.fixture.Stdin;
import dev.parity.fixture.Suite;
import dev.parity.run.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The shell commands that reproduce one side of a case by hand, the way the runner ran it. */
final class Repro {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Repro() {}

  static String of(Suite suite, Side side, Case testCase) {
    Implementation implementation = suite.implementation(side);
    if (!(implementation instanceof CommandImplementation command)) {
      return "# " + side.label() + ": " + implementation.describe() + "\n";
    }
    StringBuilder script = new StringBuilder();
    script.append("# ").append(side.label()).append(" side of case ").append(testCase.id()).append('\n');
    if (command.cwd().isPresent()) {
      script.append("cd ").append(quote(command.cwd().get().toString())).append('\n');
    } else {
      script.append("cd \"$(mktemp -d)\"\n");
    }
    for (InputFile file : testCase.files()) {
      Path target = Path.of(file.target());
      if (target.getParent() != null) {
        script.append("mkdir -p ").append(quote(target.getParent().toString())).append(" && ");
      }
      script.append("cp -R ").append(quote(file.source().toString())).append(' ').append(quote(file.target())).append('\n');
    }
    Map<String, String> env = new TreeMap<>(suite.env());
    env.putAll(command.env());
    env.putAll(testCase.env());
    env.put(CommandRunner.SUITE_VARIABLE, suite.folder().toString());
    List<String> words = new ArrayList<>();
    if (testCase.stdin().isPresent() && testCase.stdin().get() instanceof Stdin.Inline inline) {
      words.add("printf '%s'");
      words.add(quote(inline.text()));
      words.add("|");
    }
    words.add("env");
    env.forEach((k, v) -> words.add(quote(k + "=" + v)));
    words.add(CommandRunner.WORKDIR_VARIABLE + "=\"$PWD\"");
    command.command().forEach(w -> words.add(quote(w)));
    testCase.args().forEach(w -> words.add(quote(w)));
    if (testCase.stdin().isPresent() && testCase.stdin().get() instanceof Stdin.FromFile file) {
      words.add("<");
      words.add(quote(file.file().toString()));
    } else if (testCase.stdin().isEmpty()) {
      words.add("</dev/null");
    }
    script.append(String.join(" ", words)).append('\n');
    return script.toString();
  }

  /**
   * One POSIX shell word. Words made of safe characters stay bare; others are single-quoted, the only
   * quoting that keeps every byte (newlines included, which commons-text's XSI escaper drops).
   */
  static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
