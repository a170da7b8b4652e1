package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a reviewer works from, in real Chromium: the order of the case list and the values at a
 * glance, each fact once, links that open a case or a cluster, JSON laid out, lines aligned by the
 * diff, and a stream that {@code compare:} leaves out said to be so.
 */
class ReviewerBrowserTests {
  static final String SCRIPT =
      String.join(
          "\n",
          "side=$1; shift",
          "case \"$1\" in",
          "  pass) echo same ;;",
          "  exit) echo same; echo \"warning from $side\" >&2; [ $side = legacy ] || exit 1 ;;",
          "  json) if [ $side = legacy ]; then printf '%s\\n' '{\"id\":3,\"name\":\"Paul\",\"children\":[],\"born\":1881}';"
              + " else printf '%s\\n' '{\"id\":3,\"name\":\"Paul\",\"children\":null,\"born\":1881}'; fi ;;",
          "  search) echo 'Search: martin'; if [ $side = legacy ]; then echo '@I20@ BLANC, Georges';"
              + " echo '@I21@ MARTIN, Jean'; else echo '0 matches'; exit 1; fi ;;",
          "  missing) echo none ;;",
          "esac",
          "");

  @TempDir Path temp;

  @Test
  @Timeout(600)
  void reviewerSeesFailuresFirstWithTheirValuesAndCanLinkToCasesAndClusters() throws Exception {
    Path suite = Files.createDirectories(temp.resolve("fixtures/review"));
    Files.writeString(suite.resolve("sides.sh"), SCRIPT);
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: review",
            "legacy:",
            "  command: [sh, \"{suite}/sides.sh\", legacy]",
            "candidate:",
            "  command: [sh, \"{suite}/sides.sh\", candidate]",
            "compare: [exitCode, stdout, files]",
            "cases:",
            "  - {id: a/pass, args: [pass]}",
            "  - {id: b/exit, args: [exit]}",
            "  - {id: c/json, args: [json]}",
            "  - {id: d/search, args: [search]}",
            "  - {id: e/missing, args: [missing], outputs: [never.txt]}",
            ""));
    Path out = temp.resolve("out");
    Parity.run(1, "compare", suite.toString(), "--out", out.toString());
    Path page = out.resolve("index.html");

    try (Browser browser = Browser.start()) {
      browser.open(page);
      // Failures first, then errors, then passes; each row says what differs.
      assertThat(attributes(browser, "#cases .case", "data-status"))
          .containsExactly("fail", "fail", "fail", "error", "pass");
      assertThat(row(browser, "b/exit").findElement(By.cssSelector(".summary")).getText())
          .isEqualTo("exit 0 -> 1");
      assertThat(row(browser, "c/json").getText()).contains("stdout /children changed: [] -> null");

      // Opening a case puts its link in the address bar; each fact is stated once.
      row(browser, "b/exit").click();
      WebElement exitDetail = detail(browser, "b/exit");
      browser.waiting().until(d -> d.getCurrentUrl().endsWith("#case=b%2Fexit"));
      List<String> factKeys =
          exitDetail.findElements(By.cssSelector("table.facts tr td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(factKeys).containsOnlyOnce("exit code");
      // stderr differs but compare: leaves it out: not presented as compared output.
      WebElement stderr = exitDetail.findElement(By.cssSelector(".stream[data-stream='stderr']"));
      assertThat(stderr.findElement(By.cssSelector(".view-note")).getText())
          .startsWith("not compared")
          .doesNotContain("as compared");

      // Opening a cluster does the same, and lists its cases.
      browser.web().findElement(By.cssSelector("#clusters tr[data-cluster='c1']")).click();
      browser.waiting().until(d -> d.getCurrentUrl().endsWith("#cluster=c1"));
      List<String> c1Members =
          List.of(
              browser
                  .web()
                  .findElement(By.cssSelector("#clusters tr[data-cluster='c1'] td.id"))
                  .getText()
                  .split(", "));
      assertThat(attributes(browser, "#cases .case", "data-id"))
          .containsExactlyInAnyOrderElementsOf(c1Members);

      // d/search is in two clusters (its exit code and its lines): each cluster lists all its
      // cases, whichever of a case's clusters it is.
      List<String> clusterIds = attributes(browser, "#clusters tbody tr", "data-cluster");
      for (String id : clusterIds) {
        List<String> members =
            List.of(
                browser
                    .web()
                    .findElement(By.cssSelector("#clusters tr[data-cluster='" + id + "'] td.id"))
                    .getText()
                    .split(", "));
        browser.driver.executeScript("location.hash = arguments[0]", "#cluster=" + id);
        browser
            .waiting()
            .until(d -> attributes(browser, "#cases .case", "data-id").size() == members.size());
        assertThat(attributes(browser, "#cases .case", "data-id"))
            .as("cluster %s", id)
            .containsExactlyInAnyOrderElementsOf(members);
      }
      assertThat(clusterIds.stream().filter(id -> memberOf(browser, id, "d/search"))).hasSize(2);

      // A link opened in a fresh page opens its case, every filter off.
      browser.web().get("about:blank");
      browser.open(page, "#case=c%2Fjson");
      WebElement json = detail(browser, "c/json");
      assertThat(json.findElement(By.cssSelector(".view-note")).getText())
          .contains("JSON laid out one member per line");
      // The one-line documents differ on one line of the laid-out ones, side by side.
      List<WebElement> changed = json.findElements(By.cssSelector("table.sbs tr.c"));
      assertThat(changed).hasSize(1);
      assertThat(changed.get(0).findElement(By.cssSelector("td.l")).getText())
          .contains("\"children\": [],");
      assertThat(changed.get(0).findElement(By.cssSelector("td.r")).getText())
          .contains("\"children\": null,");
      assertThat(attributes(browser, "#cases .case", "data-id")).hasSize(5);

      // A link followed within the page (hashchange) opens its case too; lines that have nothing
      // in common are never side by side.
      browser.driver.executeScript("location.hash = '#case=d%2Fsearch'");
      WebElement search = detail(browser, "d/search");
      for (WebElement tr : search.findElements(By.cssSelector("table.sbs tr"))) {
        List<WebElement> cells = tr.findElements(By.tagName("td"));
        if (cells.size() == 2 && cells.get(0).getText().contains("BLANC")) {
          assertThat(cells.get(1).getText()).isEmpty();
        }
      }
      assertThat(search.findElements(By.cssSelector("table.sbs tr.i td.r")))
          .extracting(WebElement::getText)
          .containsExactly("0 matches");
      browser.screenshot("reviewer-search-aligned");

      // A cluster link opened in a fresh page filters the list to that cluster.
      browser.web().get("about:blank");
      browser.open(page, "#cluster=c1");
      assertThat(attributes(browser, "#cases .case", "data-id"))
          .containsExactlyInAnyOrderElementsOf(c1Members);
      assertThat(
              browser
                  .web()
                  .findElement(By.cssSelector("#clusters tr.selected"))
                  .getDomAttribute("data-cluster"))
          .isEqualTo("c1");

      // The Allure report opens from disk (one file, its data inline), with the environment, the
      // decision and one category per cluster.
      browser.web().get(Scripts.allureReport(out).toUri().toString());
      browser
          .waiting()
          .until(d -> d.findElement(By.tagName("body")).getText().contains("test cases"));
      String overview = browser.web().findElement(By.tagName("body")).getText();
      assertThat(overview).doesNotContain("Loading...").contains("Parity", "Decision", "legacy");
      browser.driver.executeScript("location.hash = '#categories'");
      browser.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("c1: "));
      browser.screenshot("allure-categories");
    }
  }

  @Test
  @Timeout(600)
  void reproScriptsShownInThePageReproduceAgainstTheDemoServer() throws Exception {
    // The demo's legacy server, in a project folder of its own: the scripts name no absolute path.
    Path demo = Repository.demoSuite().resolveSibling("webapp-http");
    Path suite = Files.createDirectories(temp.resolve("fixtures/webapp"));
    for (String file :
        List.of("legacy/app.py", "data/people.json", "static/logo.png", "bodies/greeting.json")) {
      Files.createDirectories(suite.resolve(file).getParent());
      Files.copy(demo.resolve(file), suite.resolve(file));
    }
    Files.writeString(
        suite.resolve("suite.yaml"),
        String.join(
            "\n",
            "name: webapp",
            "allowSideEffects: true",
            "legacy:",
            "  start: [python3, \"{suite}/legacy/app.py\", \"{port}\"]",
            "  ready: /health",
            "candidate:",
            "  start: [python3, \"{suite}/legacy/app.py\", \"{port}\"]",
            "  ready: /health",
            "cases:",
            "  - id: api/traversal",
            "    request: {path: /static/../../etc/passwd}",
            "  - id: api/head",
            "    request: {method: HEAD, path: /api/people}",
            "  - id: api/echo-file",
            "    request:",
            "      method: POST",
            "      path: /api/echo",
            "      headers: {X-Note: \"it's $HOME\"}",
            "      body: \"@bodies/greeting.json\"",
            ""));
    Path out = temp.resolve("out");
    Parity.run(0, "compare", suite.toString(), "--out", out.toString());

    try (Browser browser = Browser.start()) {
      browser.open(out.resolve("index.html"));
      String traversal = repro(browser, "api/traversal");
      String head = repro(browser, "api/head");
      String echo = repro(browser, "api/echo-file");

      assertThat(traversal + head + echo).doesNotContain(temp.toString());
      assertThat(echo).contains("#   parity verify fixtures/webapp --filter 'api/echo-file'");
      // (The output also holds the server's own log lines.)
      assertThat(Scripts.run(temp, traversal))
          .contains("\nHTTP/1.0 404 ", "\n{\"error\":\"no route for /static/../../etc/passwd\"}");
      assertThat(Scripts.run(temp, head)).contains("\nHTTP/1.0 501 ");
      assertThat(Scripts.run(temp, echo))
          .contains("\nHTTP/1.0 200 ", "{\"received\":{\"greeting\":\"Bonjour\"");
    }
  }

  /** The legacy repro script of a case, as the page shows it once the case is opened. */
  private static String repro(Browser browser, String id) {
    row(browser, id).click();
    return detail(browser, id)
        .findElement(By.cssSelector("pre.repro-legacy"))
        .getAttribute("textContent");
  }

  private static boolean memberOf(Browser browser, String cluster, String caseId) {
    return browser
        .web()
        .findElement(By.cssSelector("#clusters tr[data-cluster='" + cluster + "'] td.id"))
        .getText()
        .contains(caseId);
  }

  private static WebElement row(Browser browser, String id) {
    return browser.web().findElement(By.cssSelector(".case[data-id='" + id + "']"));
  }

  private static WebElement detail(Browser browser, String id) {
    return browser
        .waiting()
        .until(d -> d.findElement(By.cssSelector(".detail[data-detail-for='" + id + "']")));
  }

  @SuppressWarnings("unchecked")
  static List<String> attributes(Browser browser, String selector, String attribute) {
    return (List<String>)
        browser.driver.executeScript(
            "var name = arguments[1];"
                + " return Array.prototype.map.call(document.querySelectorAll(arguments[0]),"
                + " function (e) { return e.getAttribute(name); });",
            selector,
            attribute);
  }
}
