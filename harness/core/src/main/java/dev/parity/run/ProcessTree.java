package dev.parity.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Kills process trees and process groups. */
final class ProcessTree {
  private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final List<Path> KILL = List.of(Path.of("/bin/kill"), Path.of("/usr/bin/kill"));

  private ProcessTree() {}

  /** The setsid program where the platform has one. */
  static Optional<Path> setsid() {
    if (Boolean.getBoolean("parity.noSetsid")) {
      return Optional.empty();
    }
    return SETSID.stream().filter(Files::isExecutable).findFirst();
  }

  /** Kills the descendants first (they are found through the parent), then the process and its group. */
  static void kill(ProcessHandle root, boolean group) {
    List<ProcessHandle> descendants = root.descendants().toList();
    root.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (group) {
      killGroup(root.pid());
    }
  }

  /** Sends SIGKILL to every process of the group {@code pgid}; silently does nothing if it is empty. */
  static void killGroup(long pgid) {
    Optional<Path> kill = KILL.stream().filter(Files::isExecutable).findFirst();
    if (kill.isEmpty()) {
      return;
    }
    try {
      Process killer =
          new ProcessBuilder(kill.get().toString(), "-KILL", "--", "-" + pgid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      killer.waitFor();
    } catch (IOException e) {
      // Best effort: the group may already be gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
