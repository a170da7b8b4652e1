package dev.parity.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Whatever a word holds, the shell gets it back byte for byte from its quoted form. */
class ReproQuotingProperties {
  private static final String ROOT = "/work/my project/it's";

  @Property(tries = 150)
  void quotedWordRoundTripsThroughTheShell(
      @ForAll
          @StringLength(max = 30)
          @Chars({'\'', '"', '\\', '$', '`', '!', '*', '?', '[', ']', '~', '#', ';', '&', '|'})
          @Chars({' ', '\t', '\n', '\r', '(', ')', '{', '}', '<', '>', '%', '=', '@', '-', 'é'})
          @CharRange(from = 'a', to = 'e')
          @CharRange(from = '\u0001', to = '\u001f')
          @CharRange(from = '\u4e00', to = '\u4e05')
          String word)
      throws Exception {
    assertThat(printed(Repro.quote(word))).isEqualTo(word);
    assertThat(printed(Repro.singleQuoted(word))).isEqualTo(word);
  }

  /**
   * A word naming paths in the project folder is one shell word that gives the text back once
   * {@code $ROOT} is that folder, wherever the folder shows up in it (an empty argument too, which
   * the scripts dropped before).
   */
  @Property(tries = 120)
  void aWordWithTheProjectFolderInsideIsTheTextAgainInTheShell(@ForAll("texts") String text)
      throws Exception {
    String word = Repro.word(ROOT, text);

    assertThat(run("ROOT=" + Repro.quote(ROOT) + "; set -- " + word + "; printf '%s|%d' \"$1\" $#"))
        .as("word %s", word)
        .isEqualTo(text + "|1");
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(ROOT, ROOT + "/", "/", "", "$ROOT", "\"$ROOT\"/"),
            Arbitraries.strings().withChars("ab '/$\"\\*").ofMaxLength(4));
    return pieces.list().ofMaxSize(5).map(list -> String.join("", list));
  }

  /** What {@code sh -c 'printf %s <quoted>'} prints. */
  private static String printed(String quoted) throws Exception {
    return run("printf %s " + quoted);
  }

  private static String run(String script) throws Exception {
    Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("sh exit code for %s", script).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
