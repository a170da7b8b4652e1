package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds processes by a unique marker in their argv, through /proc. Public for the tests of other
 * modules (core's test-jar).
 */
public final class Survivors {
  /** Far longer than a kill takes; survivors are looked for until then. */
  public static final long PATIENCE_MS = 20_000;

  private Survivors() {}

  /** A number no other process has in its argv: {@code sleep <marker>} sleeps for ~30 years. */
  public static String marker() {
    return "1" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
  }

  /**
   * Skips the test where the launcher cannot run (no C compiler when the jar was built, not Linux);
   * fails instead on CI ({@code CI} set) or with {@code PARITY_REQUIRE_LAUNCHER=1}.
   */
  public static void requireLauncher() {
    if (Launcher.get().isPresent()) {
      return;
    }
    String why = "the process launcher is unavailable: " + Launcher.unavailableReason();
    if (System.getenv("CI") != null || "1".equals(System.getenv("PARITY_REQUIRE_LAUNCHER"))) {
      Assertions.fail(why);
    }
    Assumptions.abort("skipped: " + why + "; set PARITY_REQUIRE_LAUNCHER=1 to fail instead");
  }

  /**
   * The command lines (arguments joined by spaces) of live processes that contain {@code marker}.
   */
  public static List<String> find(String marker) {
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String line =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ')
                  .strip();
          String stat = Files.readString(process.resolve("stat"));
          boolean zombie = stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
          if (line.contains(marker) && !zombie) {
            found.add(process.getFileName() + ": " + line);
          }
        } catch (IOException | RuntimeException e) {
          // The process ended while it was read.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return found;
  }

  /** Waits (generously) until no live process has {@code marker} in its argv. */
  public static void assertNone(String marker) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MS;
    List<String> found = find(marker);
    while (!found.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      found = find(marker);
    }
    assertThat(found).as("processes still running with %s in their argv", marker).isEmpty();
  }

  /** The live processes that run exactly {@code sleep <marker>}. */
  public static List<String> sleeping(String marker) {
    return find(marker).stream().filter(line -> line.endsWith(": sleep " + marker)).toList();
  }

  /**
   * Waits (generously) until exactly {@code count} live processes run {@code sleep <marker>}: more
   * appear, or (when fewer are expected) some end.
   */
  public static void awaitSleeping(String marker, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 3 * PATIENCE_MS;
    List<String> found = sleeping(marker);
    while (found.size() != count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      found = sleeping(marker);
    }
    assertThat(found).as("processes running sleep %s", marker).hasSize(count);
  }
}
