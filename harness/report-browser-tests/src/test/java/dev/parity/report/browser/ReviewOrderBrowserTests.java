package dev.parity.report.browser;

import static dev.parity.report.browser.ReviewerBrowserTests.attributes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The case list in real Chromium puts what needs a reviewer first: failures, errors, then accepted
 * differences and noisy cases, then passes, whatever the run's order; and an HTTP status that
 * changed shows both values on its row.
 */
class ReviewOrderBrowserTests {
  /** Prints {@code same} for a pass, the side's name where the sides differ, a clock for noise. */
  static final String SIDES =
      String.join(
          "\n",
          "side=$1; shift",
          "case \"$1\" in",
          "  pass) echo same ;;",
          "  differ) echo \"printed by $side\" ;;",
          "  noisy) echo \"run at $(date +%s%N)\" ;;",
          "  slow) [ $side = legacy ] && echo quick || sleep 5 ;;",
          "esac",
          "");

  @TempDir Path temp;

  @Test
  @Timeout(600)
  void acceptedAndNoisyCasesComeAfterFailuresAndErrorsAndBeforePasses() throws Exception {
    // Ids in the reverse of the expected order: the run's order (by id) is not what is shown.
    Path suite = suite("verified", "a/pass: pass", "b/ok-by-review: differ", "c/fail: differ");
    // --force: in CI record and accept refuse to write goldens without it.
    Parity.run(0, "record", suite.toString(), "--force");
    Parity.run(1, "verify", suite.toString());
    Parity.run(
        0,
        "accept",
        suite.toString(),
        "--filter",
        "b/ok-by-review",
        "--candidate",
        "--reason",
        "intended",
        "--force");
    // A case without a golden is an error of verify.
    Files.writeString(
        suite.resolve("suite.yaml"),
        "  - {id: d/error, args: [pass]}\n",
        StandardOpenOption.APPEND);
    Path verified = temp.resolve("verified-out");
    Parity.run(1, "verify", suite.toString(), "--out", verified.toString());

    Path noisy =
        suite("compared", "a/pass: pass", "b/noisy: noisy", "c/fail: differ", "d/error: slow");
    Path compared = temp.resolve("compared-out");
    Parity.run(1, "compare", noisy.toString(), "--out", compared.toString());

    try (Browser browser = Browser.start()) {
      browser.open(verified.resolve("index.html"));
      assertThat(attributes(browser, "#cases .case", "data-id"))
          .containsExactly("c/fail", "d/error", "b/ok-by-review", "a/pass");
      assertThat(attributes(browser, "#cases .case", "data-status"))
          .containsExactly("fail", "error", "accepted", "pass");

      browser.web().get("about:blank");
      browser.open(compared.resolve("index.html"));
      assertThat(attributes(browser, "#cases .case", "data-id"))
          .containsExactly("c/fail", "d/error", "b/noisy", "a/pass");
      // The noisy case passed: its noise was discounted, and it is shown before the plain passes.
      assertThat(attributes(browser, "#cases .case", "data-status"))
          .containsExactly("fail", "error", "pass", "pass");
      browser.screenshot("review-order-noisy");
    }
  }

  @Test
  @Timeout(600)
  void anHttpStatusThatChangedShowsBothValuesOnItsRowAndOnceInItsFacts() throws Exception {
    Path suite = Files.createDirectories(temp.resolve("fixtures/web"));
    Files.writeString(suite.resolve("app.py"), APP);
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: web",
            "legacy:",
            "  start: [python3, \"{suite}/app.py\", \"{port}\", \"400\"]",
            "  ready: /health",
            "candidate:",
            "  start: [python3, \"{suite}/app.py\", \"{port}\", \"404\"]",
            "  ready: /health",
            "cases:",
            "  - id: api/lookup",
            "    request: {path: /api/lookup}",
            ""));
    Path out = temp.resolve("out");
    Parity.run(1, "compare", suite.toString(), "--out", out.toString());

    try (Browser browser = Browser.start()) {
      browser.open(out.resolve("index.html"));
      WebElement row = browser.web().findElement(By.cssSelector(".case[data-id='api/lookup']"));
      assertThat(row.findElement(By.cssSelector(".summary")).getText())
          .startsWith("status 400 -> 404");

      row.click();
      WebElement detail =
          browser
              .waiting()
              .until(d -> d.findElement(By.cssSelector(".detail[data-detail-for='api/lookup']")));
      List<String> facts =
          detail.findElements(By.cssSelector("table.facts tr td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(facts).containsOnlyOnce("status");
      browser.screenshot("review-status-400-404");
    }
  }

  /** Answers every request but /health with the status given as its second argument. */
  static final String APP =
      String.join(
          "\n",
          "import sys, http.server",
          "class H(http.server.BaseHTTPRequestHandler):",
          "    def do_GET(self):",
          "        code = 200 if self.path == '/health' else int(sys.argv[2])",
          "        body = b'{\"error\":\"no such thing\"}'",
          "        self.send_response(code); self.send_header('Content-Length', str(len(body)))",
          "        self.send_header('Content-Type', 'application/json')",
          "        self.end_headers(); self.wfile.write(body)",
          "    def log_message(self, *a): pass",
          "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()",
          "");

  /** A suite of {@code id: what} cases run by {@link #SIDES}; the slow case times out. */
  private Path suite(String name, String... cases) throws Exception {
    Path suite = Files.createDirectories(temp.resolve("fixtures").resolve(name));
    Files.writeString(suite.resolve("sides.sh"), SIDES);
    StringBuilder yaml =
        new StringBuilder(
            String.join(
                "\n",
                "name: " + name,
                "legacy:",
                "  command: [sh, \"{suite}/sides.sh\", legacy]",
                "candidate:",
                "  command: [sh, \"{suite}/sides.sh\", candidate]",
                "cases:",
                ""));
    for (String c : cases) {
      String[] idAndWhat = c.split(": ");
      yaml.append("  - {id: ")
          .append(idAndWhat[0])
          .append(", args: [")
          .append(idAndWhat[1])
          .append("], timeout: 2s}\n");
    }
    Files.writeString(suite.resolve("suite.yaml"), yaml);
    return suite;
  }
}
