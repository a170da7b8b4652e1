package dev.parity.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Kills process trees and process groups. */
final class ProcessTree {
  /** How a launched process keeps what it starts from outliving it. */
  enum Containment {
    /** Started through {@link Launcher}: it kills the whole tree when asked with SIGTERM. */
    LAUNCHER,
    /** Started through {@code setsid}: it leads its own process group. */
    PROCESS_GROUP,
    /** Started directly: only its descendants can be found, while it lives. */
    DESCENDANTS
  }

  /** How long a launcher gets to kill its tree before it is killed the hard way. */
  static final Duration LAUNCHER_GRACE = Duration.ofSeconds(5);

  private static final List<Path> SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final List<Path> KILL = List.of(Path.of("/bin/kill"), Path.of("/usr/bin/kill"));

  private ProcessTree() {}

  /** The setsid program where the platform has one. */
  static Optional<Path> setsid() {
    if (Boolean.getBoolean("parity.noSetsid")) {
      return Optional.empty();
    }
    return SETSID.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Stops a launched process and everything it started. A launcher is asked with SIGTERM (it then
   * kills and reaps the tree and exits); if it has not exited after {@link #LAUNCHER_GRACE} it is
   * killed like a process without one. Returns at once.
   */
  static void stop(Process process, Containment containment) {
    if (containment != Containment.LAUNCHER) {
      kill(process.toHandle(), containment == Containment.PROCESS_GROUP);
      return;
    }
    process.destroy();
    process
        .onExit()
        .orTimeout(LAUNCHER_GRACE.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            timeout -> {
              kill(process.toHandle(), false);
              return process;
            });
  }

  /**
   * Kills the descendants first (they are found through the parent), then the process and its
   * group.
   */
  static void kill(ProcessHandle root, boolean group) {
    List<ProcessHandle> descendants = root.descendants().toList();
    root.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (group) {
      killGroup(root.pid());
    }
  }

  /**
   * When {@code launcher} ends killed (137: SIGKILL, or its own "killed") with its {@code status}
   * still saying the program was started ({@link Ending.Abandoned}), kills the program's session:
   * nothing else would, and its processes may hold the run's output pipes open.
   */
  static void killSessionWhenAbandoned(Process launcher, Path status) {
    launcher
        .onExit()
        .thenRun(
            () -> {
              if (launcher.exitValue() == 137
                  && Ending.read(status) instanceof Ending.Abandoned abandoned) {
                killSession(abandoned.session());
              }
            });
  }

  /**
   * Sends SIGKILL to every process of session {@code sid} (found through /proc), again until none
   * is left, so that one forked meanwhile is killed too. A session's id stays allocated while any
   * process is in it, so no unrelated process can have it.
   */
  static void killSession(long sid) {
    for (int round = 0; round < 100; round++) {
      List<Long> members = sessionMembers(sid);
      if (members.isEmpty()) {
        return;
      }
      members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  /** The processes whose session is {@code sid}, from field 6 of /proc/PID/stat. */
  static List<Long> sessionMembers(long sid) {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"))) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(entry.resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (IOException gone) {
          continue; // exited meanwhile
        }
        // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (fields.length > 3 && fields[3].equals(Long.toString(sid))) {
          members.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      // No /proc: nothing to find.
    }
    return members;
  }

  /**
   * Sends SIGKILL to every process of the group {@code pgid} now; nothing happens if it is empty.
   */
  static void killGroup(long pgid) {
    killGroups(List.of(pgid));
  }

  /**
   * Kills, within {@link #REAP_INTERVAL_MS}, whatever is left in the group of a program that
   * exited. Batching the groups of many runs into one {@code kill} keeps the cost of a run near
   * that of a spawn; a leftover holding stdout open delays its run by at most the interval.
   */
  static void reapGroupLater(long pgid) {
    PENDING.add(pgid);
  }

  static final long REAP_INTERVAL_MS = 50;
  private static final Queue<Long> PENDING = new ConcurrentLinkedQueue<>();

  static {
    ScheduledExecutorService reaper =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parity-group-reaper"));
    reaper.scheduleWithFixedDelay(
        ProcessTree::reapPending, REAP_INTERVAL_MS, REAP_INTERVAL_MS, TimeUnit.MILLISECONDS);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessTree::reapPending, "parity-group-reaper-exit"));
  }

  private static void reapPending() {
    List<Long> groups = new ArrayList<>();
    for (Long pgid = PENDING.poll(); pgid != null; pgid = PENDING.poll()) {
      groups.add(pgid);
    }
    if (!groups.isEmpty()) {
      killGroups(groups);
    }
  }

  private static void killGroups(List<Long> groups) {
    Optional<Path> kill = KILL.stream().filter(Files::isExecutable).findFirst();
    if (kill.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(kill.get().toString(), "-KILL", "--"));
    groups.forEach(pgid -> command.add("-" + pgid));
    try {
      Process killer =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      killer.waitFor();
    } catch (IOException e) {
      // Best effort: the groups are usually empty already.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
