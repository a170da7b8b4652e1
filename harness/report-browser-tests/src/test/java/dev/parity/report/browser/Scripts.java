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
