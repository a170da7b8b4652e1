package dev.parity.testing;

import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Observations for tests. */
public final class Observations {
  private Observations() {}

  public static Observation command(int exitCode, String stdout, String stderr) {
    return Observation.ofCommand(
        exitCode, utf8(stdout), utf8(stderr), Map.of(), Duration.ofMillis(5));
  }

  public static Observation command(
      int exitCode, String stdout, String stderr, Map<String, byte[]> files) {
    return Observation.ofCommand(exitCode, utf8(stdout), utf8(stderr), files, Duration.ofMillis(5));
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
