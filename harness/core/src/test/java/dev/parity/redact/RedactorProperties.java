package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Redaction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The redactor, which runs the built-in patterns only on lines with a keyword, against a reference
 * model that runs every pattern over the whole text (what it did before).
 */
class RedactorProperties {
  private static final Redaction REDACTION =
      new Redaction(Set.of("authorization", "x-internal"), List.of(Pattern.compile("pin [0-9]+")));
  private static final Redactor REDACTOR = Redactor.of(REDACTION, Map.of());

  private static final String NAME =
      "[A-Za-z0-9_.-]*(?:token|secret|password|passwd|api[_-]?key)[A-Za-z0-9_.-]*";
  private static final Pattern HEADER =
      Pattern.compile(
          "(?m)^([ \\t]*[<>]?[ \\t]*(?:\\Qauthorization\\E|\\Qx-internal\\E"
              + "|[A-Za-z0-9_-]*token[A-Za-z0-9_-]*)[ \\t]*:[ \\t]*)([^\\r\\n]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUERY =
      Pattern.compile(
          "([?&;]" + NAME + "=)(?!<redacted )([^&\\s#\"'<>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(" + NAME + "=)(?!<redacted )([^\\s&'\"]+)", Pattern.CASE_INSENSITIVE);

  @Property(tries = 3_000)
  void redactsAsTheWholeTextPatternsDo(@ForAll("texts") String text) {
    assertThat(REDACTOR.text(text)).isEqualTo(model(text));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(
            "token",
            "TOKEN",
            "Secret",
            "passwd",
            "password",
            "api_key",
            "apiKey",
            "api-KEY",
            "=",
            ":",
            " ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "?",
            "&",
            ";",
            "#",
            "\"",
            "<",
            ">",
            "a",
            "Z",
            "0",
            "_",
            ".",
            "-",
            "authorization",
            "X-Internal",
            "pin ",
            "42",
            "<redacted ",
            "\u0085",
            "é",
            "\u212a")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  private static String model(String text) {
    String out = replace(HEADER, text, m -> m.group(1) + Redactor.marker(m.group(2).strip()));
    out = replace(Pattern.compile("pin [0-9]+"), out, m -> Redactor.marker(m.group()));
    out = replace(QUERY, out, m -> m.group(1) + Redactor.marker(m.group(2)));
    return replace(ASSIGNMENT, out, m -> m.group(1) + Redactor.marker(m.group(2)));
  }

  private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      out.append(m.group().contains(Redactor.MARKER) ? m.group() : with.apply(m));
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }
}
