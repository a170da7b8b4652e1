package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.archive.RunArchive;
import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Side;
import dev.parity.report.Reports;
import dev.parity.run.Observation;
import dev.parity.testing.CaseResults;
import dev.parity.testing.Repository;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Clicks through the HTML report in real headless Chromium and takes screenshots. */
class ReportBrowserTests {
  @TempDir Path temp;

  @Test
  void demoReportShowsItsFailingCaseSideBySide() throws Exception {
    Parity.run(0, "demo", "--out", temp.toString());

    try (Browser browser = Browser.start()) {
      browser.open(temp.resolve("genealogy-cli/index.html"));
      assertThat(browser.web().findElement(By.id("decision")).getText()).isEqualTo("legacy");
      new Select(browser.web().findElement(By.id("status-filter"))).selectByValue("fail");
      assertThat(ids(browser)).containsExactly("cases/search-upper", "search/lowercase");

      browser.web().findElement(By.cssSelector(".case[data-id='search/lowercase']")).click();
      WebElement detail =
          browser
              .waiting()
              .until(
                  d ->
                      d.findElement(By.cssSelector(".detail[data-detail-for='search/lowercase']")));
      List<WebElement> legacyCells = detail.findElements(By.cssSelector("table.sbs td.l"));
      List<WebElement> candidateCells = detail.findElements(By.cssSelector("table.sbs td.r"));
      assertThat(legacyCells)
          .extracting(WebElement::getText)
          .anyMatch(t -> t.contains("MARTIN, Jean-Baptiste"));
      assertThat(candidateCells).extracting(WebElement::getText).anyMatch(t -> t.contains("match"));
      assertThat(detail.findElement(By.cssSelector("pre.repro-candidate")).getText())
          .contains("gwstat.py", "search", "martin");
      assertThat(detail.findElement(By.tagName("h4")).getText()).isEqualTo("stdout");
      assertThat(detail.findElement(By.cssSelector("tr.value")).getText())
          .isEqualTo("exit code legacy (golden) 0, candidate 0");
      browser.driver.executeScript("arguments[0].scrollIntoView()", detail);
      assertDrawn(browser, browser.screenshot("demo-failing-case"), detail);
    }
  }

  @Test
  void gateReportShowsPerformanceAndEachGroupsDecisionAsVerdictJsonHasThem() throws Exception {
    Parity.run(
        1,
        "gate",
        Repository.demoSuite().toString(),
        "--time-budget",
        "3s",
        "--out",
        temp.toString());
    JsonNode verdict = VerdictJson.mapper().readTree(temp.resolve("verdict.json").toFile());

    try (Browser browser = Browser.start()) {
      browser.open(temp.resolve("index.html"));
      assertThat(browser.web().findElement(By.id("performance-section")).isDisplayed()).isTrue();
      String summary = browser.web().findElement(By.id("performance-summary")).getText();
      assertThat(summary)
          .startsWith("status " + verdict.at("/performance/status").asText())
          .contains("maxRatio 1.1");
      List<WebElement> rows = browser.web().findElements(By.cssSelector("#performance tbody tr"));
      assertThat(rows)
          .extracting(r -> r.findElement(By.tagName("td")).getText())
          .containsExactly("list/family", "stats/family", "tree/descendants");
      assertThat(rows.get(1).getText())
          .contains(verdict.at("/performance/cases/1/status").asText(), "ms (", "MiB");

      WebElement search =
          browser.web().findElement(By.cssSelector("#groups tr[data-tag='search']"));
      assertThat(search.findElement(By.cssSelector("span.decision")).getText())
          .isEqualTo(verdict.at("/groups/search/decision").asText())
          .isEqualTo("legacy");
      assertThat(search.findElement(By.cssSelector("td.sig")).getText())
          .contains("2 cases differ: cases/search-upper, search/lowercase");
      List<WebElement> gateColumns = browser.web().findElements(By.cssSelector("#groups th.gate"));
      assertThat(gateColumns).extracting(WebElement::getText).containsExactly("decision", "why");
      assertThat(gateColumns).allMatch(WebElement::isDisplayed);
      WebElement groups = browser.web().findElement(By.id("groups"));
      browser.driver.executeScript("arguments[0].scrollIntoView()", groups);
      assertDrawn(browser, browser.screenshot("gate-report"), groups);
    }
  }

  /**
   * The screenshot shows {@code element}: part of it is on screen, and that part holds drawn text
   * (many colours from anti-aliasing), not a blank or single-colour area.
   */
  @SuppressWarnings("unchecked")
  private static void assertDrawn(Browser browser, Path shot, WebElement element)
      throws IOException {
    BufferedImage image = ImageIO.read(shot.toFile());
    List<Number> box =
        (List<Number>)
            browser.driver.executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + " return [r.left, r.top, r.right, r.bottom, window.devicePixelRatio];",
                element);
    double scale = box.get(4).doubleValue();
    int left = (int) Math.max(0, box.get(0).doubleValue() * scale);
    int top = (int) Math.max(0, box.get(1).doubleValue() * scale);
    int right = (int) Math.min(image.getWidth(), box.get(2).doubleValue() * scale);
    int bottom = (int) Math.min(image.getHeight(), box.get(3).doubleValue() * scale);
    assertThat(right > left && bottom > top)
        .as(
            "%s (%s) is inside the %dx%d screenshot %s",
            element.getTagName(), box, image.getWidth(), image.getHeight(), shot)
        .isTrue();
    Set<Integer> colours = new HashSet<>();
    for (int y = top; y < bottom; y++) {
      for (int x = left; x < right; x++) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours)
        .as("colours where %s is in %s", element.getTagName(), shot)
        .hasSizeGreaterThan(10);
  }

  @Test
  void filtersSearchesAndSwitchesBetweenNormalizedAndRawOutput() throws Exception {
    Path out = syntheticRun();

    try (Browser browser = Browser.start()) {
      browser.open(out.resolve("index.html"));
      browser.screenshot("clicks-1-opened");
      assertThat(ids(browser)).hasSize(6);
      assertThat(browser.web().findElement(By.id("shown-count")).getText())
          .isEqualTo("6 of 6 cases");

      // status filter
      Select status = new Select(browser.web().findElement(By.id("status-filter")));
      status.selectByValue("fail");
      assertThat(ids(browser)).containsExactly("big/lines", "json/user", "time/stamp");
      browser.screenshot("clicks-2-failing");

      // tag filter
      Select tag = new Select(browser.web().findElement(By.id("tag-filter")));
      tag.selectByValue("api");
      assertThat(ids(browser)).containsExactly("json/user");
      tag.selectByValue("all");
      status.selectByValue("all");

      // cluster filter, from the cluster table
      // (c1 may hold several cases: a case is a member of every cluster of its changes.)
      browser.web().findElement(By.cssSelector("#clusters tr[data-cluster='c1']")).click();
      assertThat(ids(browser))
          .containsExactlyInAnyOrder(
              browser
                  .web()
                  .findElement(By.cssSelector("#clusters tr[data-cluster='c1'] td.id"))
                  .getText()
                  .split(", "));
      new Select(browser.web().findElement(By.id("cluster-filter"))).selectByValue("all");

      // free-text search over diffs
      browser.web().findElement(By.id("search")).sendKeys("RESULT: OK");
      browser.waiting().until(d -> ids(browser).size() == 1);
      assertThat(ids(browser)).containsExactly("time/stamp");
      browser.screenshot("clicks-3-search");

      // normalized view first, then raw
      browser.web().findElement(By.cssSelector(".case[data-id='time/stamp']")).click();
      assertThat(cells(browser, "time/stamp", "td.l"))
          .contains("started <time-1>")
          .doesNotContain("started 12:00:01");
      assertThat(browser.web().findElement(By.cssSelector(".view-note")).getText())
          .startsWith("normalized output");
      browser.web().findElement(By.id("view-raw")).click();
      assertThat(cells(browser, "time/stamp", "td.l")).contains("started 12:00:01");
      assertThat(cells(browser, "time/stamp", "td.r")).contains("started 12:00:02");
      assertThat(browser.web().findElement(By.cssSelector(".view-note")).getText())
          .startsWith("raw output");
      browser.screenshot("clicks-4-raw");
      browser.web().findElement(By.id("view-normalized")).click();
      assertThat(cells(browser, "time/stamp", "td.l")).contains("started <time-1>");

      // JSON pointers
      browser.web().findElement(By.id("search")).clear();
      browser.web().findElement(By.id("search")).sendKeys("json/");
      browser.waiting().until(d -> ids(browser).equals(List.of("json/user")));
      browser.web().findElement(By.cssSelector(".case[data-id='json/user']")).click();
      List<String> pointers =
          browser
              .web()
              .findElements(By.cssSelector(".detail[data-detail-for='json/user'] ul.pointers li"))
              .stream()
              .map(WebElement::getText)
              .toList();
      assertThat(pointers).containsExactly("changed /user/name", "added /user/roles/1");
      browser.screenshot("clicks-5-json");

      // a long diff renders 500 rows at a time
      browser.web().findElement(By.id("search")).clear();
      browser.web().findElement(By.id("search")).sendKeys("big/");
      browser.waiting().until(d -> ids(browser).equals(List.of("big/lines")));
      browser.web().findElement(By.cssSelector(".case[data-id='big/lines']")).click();
      assertThat(cells(browser, "big/lines", "td.l")).hasSize(500).first().isEqualTo("line 0 old");
      WebElement more =
          browser
              .web()
              .findElement(By.cssSelector(".detail[data-detail-for='big/lines'] button.more"));
      assertThat(more.getText()).isEqualTo("Show 500 more rows (700 left)");
      more.click();
      assertThat(cells(browser, "big/lines", "td.l")).hasSize(1000);
      assertThat(
              browser
                  .web()
                  .findElements(By.cssSelector(".detail[data-detail-for='big/lines'] .hl"))
                  .get(1)
                  .getText())
          .isEqualTo("new");
    }
  }

  private Path syntheticRun() throws Exception {
    Path out = temp.resolve("synthetic");
    RunArchive archive = RunArchive.in(out);
    List<CaseResult> results = new ArrayList<>();
    results.add(
        failing(
            archive,
            "time/stamp",
            List.of("clock"),
            stdout("started 12:00:01\nresult: ok\n"),
            stdout("started <time-1>\nresult: ok\n"),
            stdout("started 12:00:02\nresult: OK\n"),
            stdout("started <time-1>\nresult: OK\n")));
    Observation legacyJson = stdout("{\"user\":{\"name\":\"Ann\",\"roles\":[\"admin\"]}}\n");
    Observation candidateJson =
        stdout("{\"user\":{\"name\":\"ann\",\"roles\":[\"admin\",\"dev\"]}}\n");
    results.add(
        failing(
            archive,
            "json/user",
            List.of("api"),
            legacyJson,
            legacyJson,
            candidateJson,
            candidateJson));
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 1200; i++) {
      before.append("line ").append(i).append(" old\n");
      after.append("line ").append(i).append(" new\n");
    }
    results.add(
        failing(
            archive,
            "big/lines",
            List.of("big"),
            stdout(before.toString()),
            stdout(before.toString()),
            stdout(after.toString()),
            stdout(after.toString())));
    for (int i = 1; i <= 3; i++) {
      results.add(
          CaseResults.of("ok/" + i, Status.PASS)
              .tags(List.of("fast"))
              .summary("identical")
              .durations(Map.of("candidate", 2L))
              .build());
    }
    results.sort(Comparator.comparing(CaseResult::id));
    Verdict verdict =
        Verdict.of("synthetic", Mode.COMPARE, results, List.of(), Instant.now(), 1200);
    Reports.full().writeAll(verdict, out);
    return out;
  }

  private static CaseResult failing(
      RunArchive archive,
      String id,
      List<String> tags,
      Observation legacyRaw,
      Observation legacyNormalized,
      Observation candidateRaw,
      Observation candidateNormalized)
      throws Exception {
    archive.store(id, Side.LEGACY, legacyRaw, legacyNormalized, "sh legacy.sh\n");
    archive.store(id, Side.CANDIDATE, candidateRaw, candidateNormalized, "python3 candidate.py\n");
    Comparison c =
        new ObservationComparator()
            .compare(EnumSet.allOf(CompareTarget.class), legacyNormalized, candidateNormalized);
    return CaseResults.of(id, Status.FAIL)
        .tags(tags)
        .summary("stdout differ")
        .facts(c.facts())
        .notes(c.notes())
        .diffs(c.diffs())
        .durations(Map.of("legacy", 3L, "candidate", 4L))
        .build();
  }

  private static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  /**
   * Read in one script call, so a list re-rendered by the debounced search cannot go stale
   * mid-read.
   */
  @SuppressWarnings("unchecked")
  private static List<String> ids(Browser browser) {
    return (List<String>)
        browser.driver.executeScript(
            "return Array.prototype.map.call(document.querySelectorAll('#cases .case'), function (e) { return e.getAttribute('data-id'); });");
  }

  @SuppressWarnings("unchecked")
  private static List<String> cells(Browser browser, String id, String selector) {
    return (List<String>)
        browser.driver.executeScript(
            "return Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (e) { return e.textContent; });",
            ".detail[data-detail-for='" + id + "'] table.sbs " + selector);
  }
}
