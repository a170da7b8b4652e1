package dev.parity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The file-creation mask of this process, for tests of the permissions Parity's files get. */
public final class Umask {
  private Umask() {}

  /**
   * Skips the running test unless the umask lets group and others read new files (022, 002...), and
   * says which it is. Read from Linux's /proc: the JDK has no API for the umask.
   */
  public static void requireGroupAndOthersMayRead() {
    Path status = Path.of("/proc/self/status");
    Assumptions.assumeTrue(Files.isReadable(status), "no /proc/self/status: umask unknown");
    try {
      int umask =
          Files.readAllLines(status).stream()
              .filter(line -> line.startsWith("Umask:"))
              .map(line -> Integer.parseInt(line.substring("Umask:".length()).trim(), 8))
              .findFirst()
              .orElseGet(() -> Assumptions.abort("no Umask line in /proc/self/status"));
      Assumptions.assumeTrue(
          (umask & 0044) == 0,
          "umask " + Integer.toOctalString(umask) + " forbids group or others to read");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
