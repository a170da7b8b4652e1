package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * After {@code parity report --shrink}, in real Chromium: a cluster links to the case holding its
 * minimal reproducer, which shows the shrunk input and scripts that reproduce both sides with it.
 */
class ReproducerBrowserTests {
  @TempDir Path project;

  @Test
  @Timeout(600)
  void aClusterLinksToItsMinimalReproducerWhoseScriptsReproduceBothSides() throws Exception {
    Path suite = Files.createDirectories(project.resolve("fixtures/words"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: words",
            "legacy:",
            "  command: [cat]",
            "candidate:",
            "  command: [sed, 's/b/B/']",
            "cases:",
            "  - id: long",
            "    stdin: \"one\\ntwo\\nabc\\nthree\\nfour\\nfive\\n\"",
            ""));
    Path out = project.resolve("reports/words");
    Parity.run(1, "compare", suite.toString());
    Parity.run(1, "report", out.toString(), "--shrink");

    try (Browser browser = Browser.start()) {
      browser.open(out.resolve("index.html"));
      WebElement link =
          browser
              .web()
              .findElement(By.cssSelector("#clusters tr[data-cluster='c1'] a.reproducer-link"));
      assertThat(link.getText()).isEqualTo("minimal reproducer: long");
      link.click();
      browser.waiting().until(d -> d.getCurrentUrl().endsWith("#case=long"));
      WebElement reproducer =
          browser
              .waiting()
              .until(
                  d ->
                      d.findElement(By.cssSelector(".detail[data-detail-for='long'] .reproducer")));
      assertThat(reproducer.findElement(By.cssSelector(".reproducer-message")).getText())
          .startsWith("kept 1 of 6 stdin lines; 1-minimal");
      assertThat(reproducer.findElement(By.cssSelector("pre.reproducer-input")).getText())
          .isEqualTo("abc");
      String legacy = text(reproducer, "pre.reproducer-legacy");
      String candidate = text(reproducer, "pre.reproducer-candidate");
      browser.screenshot("reproducer");

      assertThat(Scripts.run(project, legacy)).isEqualTo("abc\n");
      assertThat(Scripts.run(project, candidate)).isEqualTo("aBc\n");
    }
  }

  private static String text(WebElement in, String selector) {
    return in.findElement(By.cssSelector(selector)).getAttribute("textContent");
  }
}
