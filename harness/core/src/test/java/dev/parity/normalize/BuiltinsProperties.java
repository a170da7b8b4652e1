package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every built-in against the model of a scrubber that works within lines: normalizing a whole text
 * gives what normalizing each line's content on its own gives (one scope, in order, line ends kept
 * as they are). A built-in whose match takes or crosses a line end joins two different outputs into
 * one: "5", line feed, "s" was a duration, and equal to "7", line feed, "s".
 */
class BuiltinsProperties {
  /** Pieces of every built-in's noise, words that end or start one, and every kind of line end. */
  private static final List<String> PIECES =
      List.of(
          "pid",
          "PID:",
          "process",
          "sshd[",
          "]:",
          "=",
          "42",
          "7",
          "1.5",
          "s",
          "h",
          "ms",
          "min",
          "seconds",
          "1m2.5s",
          "PT0.25S",
          "2026-11-22",
          "T",
          "04:31:07",
          "Z",
          "Sun, 22 Nov 2026 04:31:07 GMT",
          "Sun Nov 22 04:30:33 UTC 2026",
          "1763785867123",
          "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f",
          "9fceb02d0ae5",
          "0x7ffd5a3c",
          "Object@",
          "1b6d3586",
          "/tmp/x",
          "C:\\Users\\ann\\AppData\\Local\\Temp",
          "x",
          " ",
          "\t",
          "\f",
          "\n",
          "\r",
          "\r\n");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<String> builtins() {
    return Arbitraries.of(Normalizers.builtinNames());
  }

  @Property(tries = 4_000)
  void aBuiltinScrubsWithinLines(@ForAll("builtins") String builtin, @ForAll("texts") String text) {
    Normalizer rule = Normalizers.builtin(builtin);

    assertThat(rule.normalize(text, new Scope()))
        .as("%s on [%s]", builtin, text)
        .isEqualTo(lineByLine(rule, text));
  }

  @Example
  void aNumberAndAUnitOrAPidOnTheNextLineAreNotOne() {
    Normalizer durations = Normalizers.builtin("durations");
    Normalizer pids = Normalizers.builtin("pids");

    assertThat(durations.normalize("items 5\nh\n", new Scope())).isEqualTo("items 5\nh\n");
    assertThat(durations.normalize("took 5 s\n", new Scope())).isEqualTo("took <duration-1>\n");
    assertThat(pids.normalize("finished process\n42\n", new Scope()))
        .isEqualTo("finished process\n42\n");
    assertThat(pids.normalize("PID:\t42\n", new Scope())).isEqualTo("PID:\t<pid-1>\n");
  }

  /** The model: each line's content normalized on its own, its line end (\n, \r\n, \r) kept. */
  private static String lineByLine(Normalizer rule, String text) {
    Scope scope = new Scope();
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        int end = text.startsWith("\r\n", i) ? i + 2 : i + 1;
        out.append(rule.normalize(text.substring(start, i), scope)).append(text, i, end);
        start = end;
        i = end - 1;
      }
    }
    return out.append(rule.normalize(text.substring(start), scope)).toString();
  }
}
