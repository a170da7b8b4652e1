package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexAndTextNormalizerTests {

  @Test
  void regexPlaceholdersAreNumberedByMatchedValue() {
    Normalizer rule =
        Normalizers.regex(Pattern.compile("session=[0-9a-f]{16}"), "session=<session>", true);
    String text =
        "login session=00112233aabbccdd\nagain session=00112233aabbccdd\nother session=ffffffffffffffff\n";
    assertThat(rule.normalize(text, new Scope()))
        .isEqualTo(
            "login session=<session-1>\nagain session=<session-1>\nother session=<session-2>\n");
  }

  @Test
  void regexKeepsPlaceholdersLiterallyWhenNotNumbered() {
    Normalizer rule = Normalizers.regex(Pattern.compile("id=\\d+"), "id=<id>", false);
    assertThat(rule.normalize("id=1 id=2", new Scope())).isEqualTo("id=<id> id=<id>");
  }

  @Test
  void regexReplacementMayReferToGroups() {
    Normalizer rule = Normalizers.regex(Pattern.compile("(user)=(\\w+)"), "$1=<name>", true);
    assertThat(rule.normalize("user=ann user=bob user=ann", new Scope()))
        .isEqualTo("user=<name-1> user=<name-2> user=<name-1>");
  }

  @Test
  void numbersAreSharedAcrossRulesOfOneSide() {
    Scope scope = new Scope();
    Normalizer a = Normalizers.regex(Pattern.compile("a=\\w+"), "a=<v>", true);
    Normalizer b = Normalizers.regex(Pattern.compile("b=\\w+"), "b=<v>", true);
    assertThat(a.normalize("a=x", scope)).isEqualTo("a=<v-1>");
    assertThat(b.normalize("b=y", scope)).isEqualTo("b=<v-2>");
  }

  private static String text(String name, String input) {
    return Normalizers.of(new RuleAction.Text(name)).normalize(input, new Scope());
  }

  @Test
  void lineEndingsBecomeNewlines() {
    assertThat(text("lineEndings", "a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void trailingWhitespaceIsRemovedBeforeEveryLineEnd() {
    assertThat(text("trailingWhitespace", "a  \nb\t\r\nc ")).isEqualTo("a\nb\r\nc");
  }

  @Test
  void trailingWhitespaceKeepsLeadingAndInnerRunsAndCountsEachLineItCleans() {
    Scope scope = new Scope();

    String out =
        Normalizers.of(new RuleAction.Text("trailingWhitespace"))
            .normalize("  a  b \t\nc \r\n  \n d  ", scope);

    assertThat(out).isEqualTo("  a  b\nc\r\n\n d");
    assertThat(scope.takeFired()).isEqualTo(4);
  }

  @Test
  void sortLinesWithoutAFinalNewlineAddsNone() {
    Scope scope = new Scope();

    assertThat(Normalizers.of(new RuleAction.Text("sortLines")).normalize("b\na", scope))
        .isEqualTo("a\nb");
    assertThat(scope.takeFired()).isEqualTo(1);
  }

  @Test
  void blankLinesAreRemoved() {
    assertThat(text("blankLines", "a\n\n  \nb\n\n")).isEqualTo("a\nb\n");
  }

  @Test
  void blankLinesKeepTheLineBreakAfterAUnicodeLineSeparator() {
    // Java's (?m)^ starts a line after U+2028, U+2029 and U+0085 too: the line feed after one was
    // taken for a blank line and removed, and a, U+2028, line feed, b equalled a, U+2028, b.
    assertThat(text("blankLines", "a\u2028\nb\n")).isEqualTo("a\u2028\nb\n");
    assertThat(text("blankLines", "a\u2029\n\u0085\r\nb")).isEqualTo("a\u2029\n\u0085\r\nb");
    assertThat(text("blankLines", "a\r\n\r\n \rb\r\r\n")).isEqualTo("a\r\nb\r");
  }

  @Test
  void sortLinesSortsAndKeepsTheFinalNewline() {
    assertThat(text("sortLines", "b\nc\na\n")).isEqualTo("a\nb\nc\n");
    Scope scope = new Scope();
    Normalizers.of(new RuleAction.Text("sortLines")).normalize("a\nb\n", scope);
    assertThat(scope.takeFired()).isZero();
  }

  @Test
  void headersAreIgnoredByNameCaseInsensitively() {
    Normalizer rule = Normalizers.of(new RuleAction.Headers(List.of("Date", "etag")));
    Scope scope = new Scope();
    assertThat(
            rule.normalize(
                "content-type: text/plain\ndate: Sun, 22 Nov 2026 04:31:07 GMT\nETag: \"x\"\nX-Id: 1\n",
                scope))
        .isEqualTo("content-type: text/plain\nX-Id: 1\n");
    assertThat(scope.takeFired()).isEqualTo(2);
  }

  @Test
  void htmlIsCanonicalAndIgnoresSelectedElements() {
    Normalizer rule = Normalizers.of(new RuleAction.Html(List.of(".timestamp", "script")));
    String legacy =
        "<html><body><p class=\"x\" id=\"a\">Hello   <b>world</b></p><span class=\"timestamp\">04:31</span><script>var t=1;</script></body></html>";
    String candidate =
        "<html>\n<body>\n  <p id=\"a\" class=\"x\">Hello <b>world</b></p>\n  <span class=\"timestamp\">04:32</span>\n</body>\n</html>";
    Scope scope = new Scope();
    String a = rule.normalize(legacy, scope);
    assertThat(scope.takeFired()).isEqualTo(3);
    String b = rule.normalize(candidate, new Scope());
    assertThat(a)
        .isEqualTo(b)
        .contains("class=\"x\" id=\"a\"")
        .doesNotContain("timestamp")
        .doesNotContain("script");
  }
}
