package dev.parity.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the daemon's JVM printed itself to its standard output and error (the daemon's log), outside
 * of Parity's {@code System.out} and {@code System.err}: the lines a JVM prints at each start
 * ("Picked up JAVA_TOOL_OPTIONS", warnings about its options, {@code -Xlog}, a flight recording
 * started) and those it prints on its own later. A JVM of the client's own would have printed them
 * to the client, at every run: a daemon that printed anything serves no client.
 */
final class JvmOutput {
  private JvmOutput() {}

  /** Whether this JVM's standard output or error holds anything; true when that is not known. */
  static boolean printed() {
    try {
      return Files.size(Path.of("/proc/self/fd/1")) > 0
          || Files.size(Path.of("/proc/self/fd/2")) > 0;
    } catch (IOException | RuntimeException unknown) {
      return true;
    }
  }
}
