package dev.parity.run;

import dev.parity.fixture.CommandCase;
import dev.parity.fixture.CommandImplementation;
import dev.parity.fixture.Durations;
import dev.parity.fixture.Suite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.exec.CommandLine;
import org.jspecify.annotations.Nullable;

/**
 * Runs command-line implementations with Apache Commons Exec, synchronously, each run in an empty
 * private working directory ({@link RunFolders}).
 *
 * <p>On Linux every run is started through the {@link Launcher}, a child subreaper: when the
 * program exits or times out, every process it started is killed, including those that left its
 * process group or session, and none outlives its run or a killed Parity. The launcher also tells a
 * program killed by a signal from one that exits 128 + n, and a program that could not be executed
 * from one that exits 127. Without the launcher, runs go through {@code setsid} and their process
 * group is killed instead.
 */
public final class CommandRunner extends TypedRunner<CommandImplementation, CommandCase> {
  /** Variable set for every run: the absolute path of the run's working directory. */
  public static final String WORKDIR_VARIABLE = "PARITY_WORKDIR";

  /** Variable set for every run: the absolute path of the suite folder. */
  public static final String SUITE_VARIABLE = "PARITY_SUITE";

  private static final Duration PUMP_STOP_TIMEOUT = Duration.ofSeconds(2);
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parity-timeouts"));

  /**
   * Runs in flight; killed when the JVM exits (Ctrl-C), since setsid keeps them out of the
   * terminal's signals.
   */
  private static final Set<TreeKillingExecutor> RUNNING = ConcurrentHashMap.newKeySet();

  /**
   * Set when the JVM is exiting: no run may start any more, and runs cut short are not
   * observations.
   */
  private static final AtomicBoolean TERMINATING = new AtomicBoolean();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  TERMINATING.set(true);
                  RUNNING.forEach(executor -> executor.killTreeWhenLaunched(Duration.ofSeconds(2)));
                },
                "parity-kill-running"));
  }

  /**
   * Deletes the run folders kept for later runs and this JVM's status folder when it is empty, as
   * the JVM's exit does: for a JVM that ends without its exit hooks once no run is going on (the
   * resident JVM halts).
   */
  public static void deleteKeptFolders() {
    RunFolders.deleteKept();
    StatusFiles.deleteIfEmpty();
  }

  private final long maxOutputBytes;
  private final Spool.Allocator spool;
  private final Optional<Launcher> launcher;
  private final Optional<Path> setsid;

  /** A runner that keeps outputs over {@link Spool#memoryLimit()} on disk. */
  public CommandRunner() {
    this(Spool.memoryLimit());
  }

  /**
   * A runner that keeps a stdout, stderr or output file larger than {@code maxOutputBytes} on disk
   * ({@link Spooled}) instead of in memory; inputs larger than it are refused.
   */
  public CommandRunner(long maxOutputBytes) {
    this(maxOutputBytes, Spool::newFile);
  }

  /** The same, with the spool files made by {@code spool} (tests give it a full disk). */
  public CommandRunner(long maxOutputBytes, Spool.Allocator spool) {
    super(CommandImplementation.class, CommandCase.class);
    this.maxOutputBytes = maxOutputBytes;
    this.spool = spool;
    this.launcher = Launcher.get();
    this.setsid = ProcessTree.setsid();
  }

  @Override
  RunOutcome runTyped(Suite suite, CommandImplementation command, CommandCase testCase) {
    return runTyped(suite, command, testCase, OutputScan.Factory.NONE, Reference.NONE);
  }

  @Override
  RunOutcome runTyped(
      Suite suite,
      CommandImplementation command,
      CommandCase testCase,
      OutputScan.Factory scans,
      Reference reference) {
    Map<String, String> env = environment(suite, command, testCase);
    List<String> argv = new ArrayList<>(command.command());
    argv.addAll(testCase.args());
    Optional<String> unavailable = Programs.check(suite.folder(), argv, env);
    if (unavailable.isPresent()) {
      return new RunOutcome.Unavailable(unavailable.get(), Duration.ZERO);
    }
    RunFolders.Folder folder = null;
    Path status = null;
    boolean reusable = false;
    try {
      folder = RunFolders.take();
      Path workdir = folder.work();
      env.put(WORKDIR_VARIABLE, workdir.toString());
      // The case timeout covers copying the inputs too, so a huge input cannot stall the run.
      long deadline = System.nanoTime() + suite.timeoutOf(testCase).toNanos();
      Inputs.copy(suite.folder(), testCase, workdir, deadline, maxOutputBytes);
      SpoolingBuffer stdout =
          new SpoolingBuffer(
              maxOutputBytes,
              () -> spool.newFile(testCase.id(), Observation.STDOUT),
              scans.forStream(Observation.STDOUT),
              SpoolingBuffer.FILE_BUFFER,
              reference.forStream(Observation.STDOUT).orElse(null));
      SpoolingBuffer stderr =
          new SpoolingBuffer(
              maxOutputBytes,
              () -> spool.newFile(testCase.id(), Observation.STDERR),
              scans.forStream(Observation.STDERR),
              SpoolingBuffer.FILE_BUFFER,
              reference.forStream(Observation.STDERR).orElse(null));
      // The launcher's status on a memory file system where there is one (StatusFiles).
      status = launcher.isPresent() ? StatusFiles.next().orElse(folder.status()) : folder.status();
      try (stdout;
          stderr) {
        RunOutcome outcome =
            execute(suite, command, testCase, argv, env, folder, status, deadline, stdout, stderr);
        // The launcher reports a program's end only once every process of its tree is gone.
        reusable = launcher.isPresent() && outcome instanceof RunOutcome.Completed;
        return outcome;
      }
    } catch (Inputs.Refused e) {
      return new RunOutcome.Failed(e.getMessage(), Duration.ZERO);
    } catch (IOException e) {
      return new RunOutcome.Unavailable(
          "cannot start [" + argv.get(0) + "]: " + e.getMessage(), Duration.ZERO);
    } finally {
      release(folder, status, reusable);
    }
  }

  /**
   * Deletes a run's status file kept outside its folder ({@link StatusFiles}), then keeps the
   * folder for a later run or deletes it.
   */
  private static void release(
      RunFolders.@Nullable Folder folder, @Nullable Path status, boolean reusable) {
    if (folder == null) {
      return;
    }
    if (status != null && !status.startsWith(folder.path())) {
      try {
        Files.deleteIfExists(status);
      } catch (IOException e) {
        // Left in an empty folder of this JVM's, which the next Parity deletes.
      }
    }
    if (reusable) {
      RunFolders.giveBack(folder);
    } else {
      RunFolders.delete(folder);
    }
  }

  private RunOutcome execute(
      Suite suite,
      CommandImplementation command,
      CommandCase testCase,
      List<String> argv,
      Map<String, String> env,
      RunFolders.Folder folder,
      Path status,
      long deadline,
      SpoolingBuffer stdout,
      SpoolingBuffer stderr)
      throws IOException {
    Path workdir = folder.work();
    List<String> full =
        launcher.isPresent()
            ? launcher.get().command(status, argv)
            : setsid.map(s -> prepend(s.toString(), argv)).orElse(argv);
    CommandLine line = ExactCommandLine.of(full);

    InputStream stdin =
        testCase.stdin().isPresent()
            ? new ByteArrayInputStream(testCase.stdin().get().bytes())
            : null;
    SpoolingPumps pumps = new SpoolingPumps(stdout, stderr, stdin);
    pumps.setStopTimeout(PUMP_STOP_TIMEOUT);

    TreeKillingExecutor executor = new TreeKillingExecutor(containment(), status);
    executor.setWorkingDirectory(command.cwd().orElse(workdir).toFile());
    executor.setStreamHandler(pumps);
    executor.setExitValues(null);

    Duration timeout = suite.timeoutOf(testCase);
    AtomicBoolean timedOut = new AtomicBoolean();
    long start = System.nanoTime();
    ScheduledFuture<?> watchdog =
        TIMER.schedule(
            () -> {
              timedOut.set(true);
              executor.killTree();
            },
            Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
    int exitCode;
    RUNNING.add(executor);
    if (TERMINATING.get()) {
      RUNNING.remove(executor);
      watchdog.cancel(false);
      return new RunOutcome.Failed("not started: parity is terminating", Duration.ZERO);
    }
    try {
      exitCode = executor.execute(line, env);
    } finally {
      watchdog.cancel(false);
      executor.killTreeIfAlive();
      RUNNING.remove(executor);
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    Ending ending = launcher.isPresent() ? Ending.read(status) : new Ending.Exited(exitCode);
    if (TERMINATING.get()) {
      // Killed by the exit hook: its exit code and output are not what the program does.
      return new RunOutcome.Failed("killed: parity is terminating", duration);
    }
    if (ending instanceof Ending.NotExecuted failure) {
      return new RunOutcome.Unavailable(
          Programs.cannotExecute(argv.get(0), env, failure), duration);
    }
    if (ending instanceof Ending.OutputHeld held) {
      // Stopped by the timeout, or by a SIGTERM from elsewhere (a process of the program's sending
      // one to its new parent, the launcher): either way the output is not complete.
      return new RunOutcome.Failed(
          outputHeld(
              held,
              timedOut.get()
                  ? "at the timeout of " + Durations.format(timeout)
                  : "when its launcher was stopped by a SIGTERM that was not Parity's (`kill $PPID`"
                      + " from a process the program left?)"),
          duration);
    }
    if (timedOut.get()) {
      return new RunOutcome.Failed(
          "timed out after "
              + Durations.format(timeout)
              + "; the process and all its children were killed"
              + " (raise [timeout] on the case or under [defaults] if it is just slow)",
          duration);
    }
    if (ending instanceof Ending.Unknown unknown) {
      return new RunOutcome.Failed("no result: " + unknown.why(), duration);
    }
    if (ending instanceof Ending.Abandoned) {
      return new RunOutcome.Failed(
          "no result: the launcher was killed while the program ran (does the program kill its"
              + " parent, e.g. kill -9 $PPID?); every process left in the program's session was"
              + " killed",
          duration);
    }
    // An output the disk cannot hold throws SpoolException: the run stops (exit 2).
    CapturedOutputs captured = new CapturedOutputs(testCase.id(), maxOutputBytes, spool);
    captured.stream(Observation.STDOUT, stdout);
    captured.stream(Observation.STDERR, stderr);
    if (!testCase.outputs().isEmpty() && !folder.workUnchanged()) {
      return new RunOutcome.Failed(
          "the program replaced its working folder "
              + workdir
              + " (with a symbolic link or another folder), so its declared output files are not"
              + " read: they could be any files, elsewhere; have the program write them in the"
              + " folder it starts in",
          duration);
    }
    for (String output : testCase.outputs()) {
      Optional<String> link = captured.file(output, workdir);
      if (link.isPresent()) {
        return new RunOutcome.Failed(link.get(), duration);
      }
    }
    Optional<String> signal =
        ending instanceof Ending.Signaled signaled
            ? Optional.of(signaled.name())
            : Optional.empty();
    int code = ending instanceof Ending.Exited exited ? exited.code() : exitCode;
    return new RunOutcome.Completed(
        Observation.ofCommand(code, signal, captured.streams(), captured.spooled(), duration));
  }

  /**
   * Why a run whose program ended, but whose output a process it started held open {@code when},
   * failed.
   */
  static String outputHeld(Ending.OutputHeld held, String when) {
    String ended =
        held.program() instanceof Ending.Signaled signaled
            ? "was killed by " + signaled.name()
            : held.program() instanceof Ending.Exited exited
                ? "exited with code " + exited.code()
                : "ended";
    return "the program "
        + ended
        + ", but a process it started, pid "
        + held.pid()
        + " ("
        + held.command()
        + "), still held its standard output or error open "
        + when
        + ": the output ends only when no process holds them (as for `program | cat`), so what"
        + " it would still have written is not known; it and the rest of the program's processes"
        + " were killed. Have the program wait for what it starts (`wait` in a shell script), or"
        + " send their output elsewhere (`command >/dev/null 2>&1 &`)";
  }

  private ProcessTree.Containment containment() {
    if (launcher.isPresent()) {
      return ProcessTree.Containment.LAUNCHER;
    }
    return setsid.isPresent()
        ? ProcessTree.Containment.PROCESS_GROUP
        : ProcessTree.Containment.DESCENDANTS;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> line = new ArrayList<>(rest.size() + 1);
    line.add(first);
    line.addAll(rest);
    return line;
  }

  private static Map<String, String> environment(
      Suite suite, CommandImplementation command, CommandCase testCase) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(suite.env());
    env.putAll(command.env());
    env.putAll(testCase.env());
    env.put(SUITE_VARIABLE, suite.folder().toString());
    return env;
  }
}
