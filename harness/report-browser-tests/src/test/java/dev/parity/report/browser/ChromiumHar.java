package dev.parity.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A HAR captured by real headless Chromium: the page is opened with chromedriver's performance log
 * on (the DevTools protocol's Network and Page events), and sitespeed.io's chrome-har turns the
 * events into a HAR (src/test/har-capture/har.mjs, installed by ci/setup/25-chrome-har.sh).
 * Chromium has no HAR export of its own outside the DevTools window.
 */
final class ChromiumHar {
  static final Path CAPTURE = Path.of("src", "test", "har-capture");
  private static final JsonMapper JSON = new JsonMapper();

  private ChromiumHar() {}

  /** The HARs written by one capture: the one imported, and chrome-har's output as it is. */
  record Capture(Path har, Path chromeHarAsIs) {}

  /**
   * Opens {@code page} and waits until its script sets the title to {@code done}, then writes the
   * network log as HARs into {@code dir}.
   */
  static Capture capture(URI page, Path dir) throws IOException, InterruptedException {
    requireChromeHar();
    Path events = dir.resolve("events.json");
    try (Browser browser = Browser.start(ChromiumHar::networkLog)) {
      browser.driver.get(page.toString());
      String title =
          new WebDriverWait(browser.driver, Duration.ofSeconds(60))
              .until(
                  d ->
                      d.getTitle().startsWith("done") || d.getTitle().startsWith("failed")
                          ? d.getTitle()
                          : null);
      Assertions.assertEquals("done", title, "the page's requests did not all succeed");
      ArrayNode messages = JSON.createArrayNode();
      for (LogEntry entry : browser.driver.manage().logs().get(LogType.PERFORMANCE)) {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().matches("(Network|Page)\\..*")) {
          messages.add(message);
        }
      }
      JSON.writeValue(events.toFile(), messages);
    }
    Capture capture = new Capture(dir.resolve("chromium.har"), dir.resolve("chrome-har-as-is.har"));
    Process node =
        new ProcessBuilder(
                "node",
                CAPTURE.resolve("har.mjs").toString(),
                events.toString(),
                capture.har().toString(),
                capture.chromeHarAsIs().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("har.mjs.log").toFile())
            .start();
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      Assertions.fail("node har.mjs did not end within 120 s");
    }
    Assertions.assertEquals(
        0, node.exitValue(), () -> "node har.mjs failed: " + read(dir.resolve("har.mjs.log")));
    return capture;
  }

  private static void networkLog(ChromeOptions options) {
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption(
        "perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", true));
  }

  /** Skips (fails under PARITY_REQUIRE_BROWSER=1) when node or chrome-har is missing. */
  private static void requireChromeHar() throws InterruptedException {
    boolean installed = Files.isDirectory(CAPTURE.resolve("node_modules/chrome-har"));
    boolean node = false;
    try {
      Process version = new ProcessBuilder(List.of("node", "--version")).start();
      node = version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      node = false;
    }
    if (!installed || !node) {
      String reason =
          "no HAR converter: node and chrome-har are needed (source ci/setup/25-chrome-har.sh,"
              + " or npm ci --prefix harness/report-browser-tests/src/test/har-capture)";
      if ("1".equals(System.getenv("PARITY_REQUIRE_BROWSER"))) {
        Assertions.fail(reason + "; PARITY_REQUIRE_BROWSER=1 makes this a failure");
      }
      Assumptions.abort(reason);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
