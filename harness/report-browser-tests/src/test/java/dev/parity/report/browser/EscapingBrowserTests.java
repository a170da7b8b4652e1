package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** Outputs full of markup are shown as text in real Chromium, and none of it runs. */
class EscapingBrowserTests {
  static final String LEGACY =
      String.join(
          "\n",
          "printf '%s\\n' '<script>window.pwned=1</script>' '\"><img src=x onerror=\"window.pwned=2\">' '</textarea><textarea>'"
              + " '<a href=\"javascript:window.pwned=3\">click me</a>' \"arg: $1\" '</script><script>window.pwned=5</script>'",
          "printf 'invalid: \\377\\376 end\\n'",
          "");
  static final String CANDIDATE =
      String.join(
          "\n",
          "printf '%s\\n' '<script>window.pwned=1</script>' '\"><img src=x onerror=\"window.pwned=2\">' '</textarea><textarea>'"
              + " '<a href=\"javascript:window.pwned=3\">click here</a>' \"arg: $1\" '<svg onload=\"window.pwned=6\"></svg>'",
          "printf 'invalid: \\377 end\\n'",
          "");

  @TempDir Path temp;

  @Test
  void hostileOutputsShowAsTextAndNothingRuns() throws Exception {
    // Given a suite whose outputs and arguments are markup, and invalid UTF-8
    Path suite = Files.createDirectories(temp.resolve("hostile"));
    Files.writeString(suite.resolve("legacy.sh"), LEGACY);
    Files.writeString(suite.resolve("candidate.sh"), CANDIDATE);
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: hostile",
            "legacy:",
            "  command: [sh, \"{suite}/legacy.sh\"]",
            "candidate:",
            "  command: [sh, \"{suite}/candidate.sh\"]",
            "cases:",
            "  - id: xss/outputs",
            "    args: [\"<script>window.pwned=4</script>\"]",
            "    tags: [\"<b>tag</b>\"]",
            ""));
    Path out = temp.resolve("out");
    Parity.run(1, "compare", suite.toString(), "--out", out.toString());

    try (Browser browser = Browser.start()) {
      // When the report is opened and the failing case expanded
      browser.open(out.resolve("index.html"));
      browser.web().findElement(By.cssSelector(".case[data-id='xss/outputs']")).click();
      WebElement detail =
          browser
              .waiting()
              .until(d -> d.findElement(By.cssSelector(".detail[data-detail-for='xss/outputs']")));
      browser.screenshot("escaping-hostile-case");

      // Then nothing executed ...
      assertThat(browser.driver.executeScript("return typeof window.pwned")).isEqualTo("undefined");
      assertThat(alertShown(browser)).isFalse();
      assertThat(browser.web().findElements(By.tagName("img"))).isEmpty();
      assertThat(browser.web().findElements(By.tagName("svg"))).isEmpty();
      assertThat(browser.web().findElements(By.tagName("textarea"))).isEmpty();
      assertThat(browser.web().findElements(By.cssSelector("a"))).isEmpty();
      assertThat(browser.web().findElements(By.cssSelector("table.sbs script"))).isEmpty();
      assertThat(browser.driver.executeScript("return document.scripts.length")).isEqualTo(3L);

      // ... and every piece of markup shows as text, invalid bytes as U+FFFD
      List<String> legacyCells = texts(detail.findElements(By.cssSelector("table.sbs td.l")));
      List<String> candidateCells = texts(detail.findElements(By.cssSelector("table.sbs td.r")));
      assertThat(legacyCells)
          .contains(
              "<script>window.pwned=1</script>",
              "\"><img src=x onerror=\"window.pwned=2\">",
              "</textarea><textarea>",
              "arg: <script>window.pwned=4</script>",
              "</script><script>window.pwned=5</script>",
              "invalid: \uFFFD\uFFFD end",
              "<a href=\"javascript:window.pwned=3\">click me</a>");
      assertThat(candidateCells)
          .contains(
              "<svg onload=\"window.pwned=6\"></svg>",
              "<a href=\"javascript:window.pwned=3\">click here</a>");
      assertThat(detail.findElements(By.cssSelector("td.r .hl")).stream().map(WebElement::getText))
          .contains("here");
      assertThat(
              browser
                  .web()
                  .findElement(By.cssSelector(".case[data-id='xss/outputs'] .tag"))
                  .getText())
          .isEqualTo("<b>tag</b>");
      assertThat(detail.findElement(By.cssSelector("pre.repro-candidate")).getText())
          .contains("'<script>window.pwned=4</script>'");
    }
  }

  private static boolean alertShown(Browser browser) {
    try {
      browser.web().switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(e -> e.getAttribute("textContent")).toList();
  }
}
