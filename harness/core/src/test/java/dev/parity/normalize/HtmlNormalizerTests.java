package dev.parity.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.RuleAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlNormalizerTests {
  private static Normalizer html(String... ignore) {
    return Normalizers.of(new RuleAction.Html(List.of(ignore)));
  }

  @Test
  void printsOneElementPerLineWithoutIgnoredElementsSortedAttributesAndCollapsedWhitespace() {
    Scope scope = new Scope();

    String out =
        html(".ts", "meta[name=csrf]")
            .normalize(
                "<html><head><meta name=\"csrf\" content=\"abc\"><title>T</title></head>"
                    + "<body><div id=\"x\" class=\"a\">Hello   \n  world</div>"
                    + "<span class=\"ts\">12:00:01</span><pre>  keep   this </pre></body></html>",
                scope);

    assertThat(out)
        .isEqualTo(
            """
            <html>
             <head>
              <title>T</title>
             </head>
             <body>
              <div class="a" id="x">Hello world</div>
              <pre>  keep   this </pre>
             </body>
            </html>
            """);
    assertThat(scope.takeFired()).as("2 removed, 1 attribute order, 1 whitespace run").isEqualTo(4);
  }

  @Test
  void markupThatDiffersOnlyInAttributeOrderAndWhitespaceNormalizesAlike() {
    Normalizer rule = html();

    String legacy = rule.normalize("<p lang=\"en\" class=\"x\">a  b</p>", new Scope());
    String candidate = rule.normalize("<p class=\"x\"\n lang=\"en\">a\n b</p>", new Scope());
    String differentText = rule.normalize("<p class=\"x\" lang=\"en\">a c</p>", new Scope());

    assertThat(candidate).isEqualTo(legacy).contains("<p class=\"x\" lang=\"en\">a b</p>");
    assertThat(differentText).isNotEqualTo(legacy);
  }

  @Test
  void aSpaceBetweenInlineElementsShowsAndCounts() {
    Normalizer rule = html();

    // One element per line dropped the space with the line break: "ax" equalled "a x".
    assertThat(rule.normalize("<p>a<b>x</b></p>", new Scope()))
        .isNotEqualTo(rule.normalize("<p>a <b>x</b></p>", new Scope()));
    assertThat(rule.normalize("<span>a</span><span>b</span>", new Scope()))
        .isNotEqualTo(rule.normalize("<span>a</span>\n<span>b</span>", new Scope()));
    // Whitespace that does not show still does not count.
    assertThat(rule.normalize("<div><p>x</p><ul><li>a</li></ul></div>", new Scope()))
        .isEqualTo(
            rule.normalize(
                "<div>\n  <p> x </p>\n  <ul>\n   <li>a</li>\n  </ul>\n</div>", new Scope()));
  }

  @Test
  void alreadyCanonicalMarkupDoesNotFire() {
    Normalizer rule = html("script");
    String canonical = rule.normalize("<p class=\"x\" lang=\"en\">a b</p>", new Scope());
    Scope scope = new Scope();

    assertThat(rule.normalize(canonical, scope)).isEqualTo(canonical);
    assertThat(scope.takeFired()).isZero();
  }

  @Test
  void leavesBlankTextAlone() {
    assertThat(html().normalize(" \n", new Scope())).isEqualTo(" \n");
  }
}
