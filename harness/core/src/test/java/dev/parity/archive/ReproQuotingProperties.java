package dev.parity.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Whatever a word holds, the shell gets it back byte for byte from its quoted form. */
class ReproQuotingProperties {
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

  /** What {@code sh -c 'printf %s <quoted>'} prints. */
  private static String printed(String quoted) throws Exception {
    Process process =
        new ProcessBuilder("sh", "-c", "printf %s " + quoted).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("sh exit code for %s", quoted).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
