package dev.parity.report.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Tests skip with the reason when
 * either is missing, and fail instead when {@code PARITY_REQUIRE_BROWSER=1} (set by CI's setup).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    return start(options -> {});
  }

  /** Starts the browser with {@code extra} applied to its options (a capability, a log). */
  static Browser start(Consumer<ChromeOptions> extra) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason =
          "no headless browser: "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " are needed (apt-get install chromium chromium-driver, or source ci/setup/20-chromium.sh)";
      if ("1".equals(System.getenv("PARITY_REQUIRE_BROWSER"))) {
        Assertions.fail(reason + "; PARITY_REQUIRE_BROWSER=1 makes this a failure");
      }
      Assumptions.abort(reason);
    }
    Path profile = Files.createTempDirectory("parity-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    extra.accept(options);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Opens a report file and waits until its script has rendered the page. */
  void open(Path file) {
    open(file, "");
  }

  /** Opens a report file at {@code fragment} ({@code #case=...}) and waits until it rendered. */
  void open(Path file, String fragment) {
    driver.get(file.toUri() + fragment);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  /** Saves a PNG screenshot under target/screenshots and returns it. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  WebDriver web() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var walk = Files.walk(profile)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
