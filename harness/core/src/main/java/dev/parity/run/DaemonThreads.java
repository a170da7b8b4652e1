package dev.parity.run;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive: Parity's pools must not outlive the command's work. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
