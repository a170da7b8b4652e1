package dev.parity.shadow;

import dev.parity.run.DaemonThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the lowest CPU priority (nice 19), so that the proxy's comparisons
 * take only the CPU its clients' path leaves: on a busy machine a client's request is served first
 * and the comparisons fall behind, fill the queue and are dropped (and counted), as the shadow's
 * contract says, instead of delaying the client. Threads the lowered thread starts inherit its
 * priority (the candidate's HTTP client is created on a comparison thread).
 *
 * <p>Linux only: there the nice value belongs to each thread, not to the process (setpriority(2) on
 * a thread id). Java has no API for it, so the thread runs util-linux's {@code renice} on its own
 * id, read from {@code /proc/thread-self}, once when it starts. Elsewhere, or without {@code
 * renice}, the thread keeps its priority and the proxy works as before.
 */
final class LowPriority {
  static final int NICE = 19;
  private static final Path SELF = Path.of("/proc/thread-self");

  private LowPriority() {}

  /** Whether threads can be lowered one by one here. */
  static boolean supported() {
    return Files.isSymbolicLink(SELF);
  }

  /**
   * A factory of daemon threads called {@code name} that lower themselves before their work (a
   * thread can only lower itself: its id is known from within).
   */
  static ThreadFactory threads(String name) {
    ThreadFactory daemons = DaemonThreads.named(name);
    return work ->
        daemons.newThread(
            () -> {
              lowerCurrentThread();
              work.run();
            });
  }

  /** Lowers the calling thread; true when it now runs at nice {@value #NICE}. */
  static boolean lowerCurrentThread() {
    if (!supported()) {
      return false;
    }
    try {
      String thread = Files.readSymbolicLink(SELF).getFileName().toString();
      Process renice =
          new ProcessBuilder("renice", "--priority", Integer.toString(NICE), "-p", thread)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The calling thread's nice value, when the system says it. */
  static OptionalInt niceOfCurrentThread() {
    try {
      String stat = Files.readString(SELF.resolve("stat"), StandardCharsets.US_ASCII);
      // Fields after the command name (which may hold spaces, in parentheses): the nice value is
      // field 19 of the whole line, the 17th after the name.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalInt.of(Integer.parseInt(fields[16]));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
