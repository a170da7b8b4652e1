package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Requirement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity completion} completes commands and options in real bash and zsh. */
@Timeout(60)
class CompletionTests {
  @TempDir Path temp;
  private Path script;

  @BeforeEach
  void writeTheScript() throws Exception {
    Cli cli = Cli.run("completion");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    script = Files.writeString(temp.resolve("parity-completion"), cli.out());
  }

  /** What {@code shell} prints for {@code code} run after sourcing the completion script. */
  private String shell(String shell, String code) throws Exception {
    Process process =
        new ProcessBuilder(shell, "-c", code, "completion-test", script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  /** Bash's answer to TAB after {@code words}, the last of which is being completed. */
  private List<String> bash(String... words) throws Exception {
    String code =
        "source \"$1\"; COMP_WORDS=("
            + String.join(" ", words)
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; _complete_parity 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
    return shell("bash", code).lines().toList();
  }

  @Test
  void bashCompletesCommandsAndTheirOptionsFromTheCommandModel() throws Exception {
    assertThat(bash("parity", "com")).containsExactlyInAnyOrder("compare", "completion");
    assertThat(bash("parity", "compare", "--ru")).containsExactly("--runs");
    assertThat(bash("parity", "verify", "--")).contains("--golden", "--strict", "--filter");
    assertThat(bash("parity", "compare", "--")).contains("--noise").doesNotContain("--golden");
  }

  @Test
  void zshLoadsTheScriptThroughBashcompinitAndOffersTheSameOptions() throws Exception {
    Requirement.require(
        "PARITY_REQUIRE_ZSH",
        Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh"))
            ? Optional.empty()
            : Optional.of("zsh is not installed (ci/setup/35-zsh.sh installs it)"));

    String out =
        shell(
            "zsh",
            "autoload -U +X compinit && compinit -u; autoload -U +X bashcompinit && bashcompinit;"
                + " source \"$1\" || exit 1; print -r -- \"registered: $_comps[parity]\";"
                + " setopt ksharrays; COMP_WORDS=(parity compare --); COMP_CWORD=2;"
                + " _complete_parity 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");

    assertThat(out).contains("registered: _bash_complete -F _complete_parity");
    assertThat(out.lines().toList()).contains("--runs", "--noise").doesNotContain("--golden");
  }
}
