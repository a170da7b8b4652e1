package dev.parity.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a repro script the way a reviewer would: from the project folder, on a free port. */
final class Scripts {
  private Scripts() {}

  /**
   * Turns {@code out/allure-results} into the Allure report with the project's script (which
   * unpacks the Allure command line when it is missing) and returns its index.html.
   */
  static Path allureReport(Path out) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("parity.home", "../.."));
    Process process =
        new ProcessBuilder(
                "bash",
                home.resolve("harness/allure/scripts/allure-report.sh").toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return out.resolve("allure-report/index.html");
  }

  /** The script's output (stderr included), after stopping the server it started. */
  static String run(Path project, String script) throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                "sh", "-c", "PORT=" + port + "\n" + script + "kill \"$SERVER\" 2>/dev/null\n")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(script).isTrue();
    return new String(output, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
