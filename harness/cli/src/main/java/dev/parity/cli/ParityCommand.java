package dev.parity.cli;

import dev.parity.fixture.ConfigException;
import dev.parity.golden.GoldenException;
import dev.parity.run.SpoolException;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.ParityVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parity} command. */
@Command(
    name = "parity",
    mixinStandardHelpOptions = true,
    versionProvider = ParityCommand.Version.class,
    description = {
      "Golden-master differential testing: runs the same cases against a legacy and a candidate"
          + " implementation, compares what they do, and decides which one ships.",
      ""
    },
    subcommands = {
      RecordCommand.class,
      VerifyCommand.class,
      CompareCommand.class,
      BenchCommand.class,
      GateCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      MergeCommand.class,
      AcceptCommand.class,
      RejectCommand.class,
      AcceptedCommand.class,
      PruneCommand.class,
      ReviewCommand.class,
      ShadowCommand.class,
      ImportCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nDocs:%n",
    footer = {
      "  docs/suite-format.md (the suite.yaml reference)",
      "  docs/benchmarks.md (bench, gate)",
      "  docs/reports.md (the reports)",
      "  docs/http.md (HTTP services and containers)",
      "  docs/reviewing.md (pending results, accept, reject, accepted differences, CI)",
      "  docs/sharding.md (--shard, merge)",
      "  docs/daemon.md (PARITY_DAEMON=1: a resident JVM for repeated runs)",
      "  README.md (a walk-through)"
    })
public final class ParityCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> env;
  private final Clock clock;
  private final boolean terminal;

  public ParityCommand() {
    this(System.getenv(), Clock.systemUTC(), StyledConsole.stdoutIsTerminal());
  }

  /**
   * A command line that reads {@code env} instead of the process environment, and {@code clock}.
   */
  ParityCommand(Map<String, String> env, Clock clock) {
    this(env, clock, false);
  }

  /**
   * As {@link #ParityCommand(Map, Clock)}, printing as on a {@code terminal} (colors) or a pipe.
   */
  ParityCommand(Map<String, String> env, Clock clock, boolean terminal) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.terminal = terminal;
  }

  /** The environment variables the commands read (the process's, or a test's). */
  Map<String, String> env() {
    return env;
  }

  /** The clock the commands read: the system's, or a test's (expiry of accepted differences). */
  Clock clock() {
    return clock;
  }

  /** The {@code parity} command a (sub)command runs under. */
  static ParityCommand of(CommandLine.Model.CommandSpec spec) {
    CommandLine.Model.CommandSpec root = spec;
    while (root.parent() != null) {
      root = root.parent();
    }
    return root.userObject() instanceof ParityCommand parity ? parity : new ParityCommand();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command: give one of record, verify, compare, bench, gate, demo, report,"
            + " merge, review, accept, reject, accepted, prune, completion");
  }

  public static void main(String[] args) {
    prepareJvm();
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Sets what {@link #main} sets in the JVM before a run: {@code parity}'s JVM settings. */
  public static void prepareJvm() {
    fastSpawns();
    reusedAsyncThreads();
  }

  /**
   * Makes the JDK start programs with vfork, as JDK 11 did, unless told otherwise. Since JDK 12 it
   * starts them through posix_spawn of a helper program (jspawnhelper) that then executes the real
   * one: one exec more per run, an eighth of the CPU time of a suite of trivial cases here (issue
   * 13). JDK 23 deprecated vfork and warns about it, so there the default stays.
   */
  private static void fastSpawns() {
    String property = "jdk.lang.Process.launchMechanism";
    if (Runtime.version().feature() < 23 && System.getProperty(property) == null) {
      System.setProperty(property, "VFORK");
    }
  }

  /**
   * Gives {@code CompletableFuture}'s default executor threads to reuse on a machine of one or two
   * CPUs. There the common fork-join pool has a parallelism of one, and {@code CompletableFuture}
   * then starts a new thread for every asynchronous step: the JDK's HTTP client hands each response
   * of {@code sendAsync} to it, so every HTTP run, and every shadowed request's candidate and noise
   * calls, started and ended a thread (27,000 in a 75 s {@code parity shadow} load test,
   * docs/traffic.md). Read when the pool is first used, after this; a value given with {@code -D}
   * stays.
   */
  private static void reusedAsyncThreads() {
    String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(property, "2");
    }
  }

  /** Runs the command line with the given console streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new ParityCommand(), out, err, args);
  }

  /**
   * Runs {@code parity}, with its environment and clock, on the command line. An {@link Error} (out
   * of memory, a stack overflow) exits 2 as any failure to decide does: the JVM would exit 1, which
   * says that a case differs, while the run's reports say it failed.
   */
  static int execute(ParityCommand parity, PrintWriter out, PrintWriter err, String... args) {
    try {
      return executeCommand(parity, out, err, args);
    } catch (Error e) {
      err.println("parity: " + FailedRun.describe(e));
      e.printStackTrace(err);
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  private static int executeCommand(
      ParityCommand parity, PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Answered before picocli builds the model of every command by reflection, which is most of
      // the start-up of `parity --version` (issue 13); the same text picocli prints.
      PrintWriter console = new PrintWriter(ConsoleText.writer(out), true);
      for (String line : new Version().getVersion()) {
        console.println(line);
      }
      return ExitCodes.PASS;
    }
    CommandLine commandLine = CommandTree.of(parity, args);
    ExitCodeHelp.install(commandLine);
    // Everything printed goes through the one console escaper (no raw control characters reach a
    // terminal or a CI log); only Parity's own words are colored, on a terminal (StyledConsole),
    // and
    // help is printed without colors.
    commandLine.setOut(new StyledConsole(out, StyledConsole.colorFor(parity.env, parity.terminal)));
    commandLine.setErr(new PrintWriter(ConsoleText.writer(err), true));
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    commandLine.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("parity: " + FailedRun.describe(e));
          if (!(e instanceof ConfigException)
              && !(e instanceof GoldenException)
              && !(e instanceof SpoolException)
              && !(e instanceof IOException)) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().flush();
          return ExitCodes.USAGE;
        });
    commandLine.setParameterExceptionHandler(
        (e, params) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("parity: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
          cmd.getErr()
              .println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
          cmd.getErr().flush();
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
  }

  /** This Parity's release, the one every verdict and report names. */
  static String version() {
    return ParityVersion.current();
  }

  /**
   * The version, the commit the jar was built from and the JDK running it, from the jar's manifest
   * (the commit is unknown when run from classes, as in the tests).
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "parity " + version(),
        "commit " + commit(),
        "JDK "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor", "unknown vendor")
            + ")"
      };
    }

    /** The manifest's {@code Parity-Commit} (with "-dirty" for uncommitted changes), or unknown. */
    private static String commit() {
      try {
        URL location = ParityCommand.class.getProtectionDomain().getCodeSource().getLocation();
        Path jar = Path.of(location.toURI());
        if (!Files.isRegularFile(jar)) {
          return "unknown (not run from a jar)";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
          Manifest manifest = file.getManifest();
          String commit = manifest == null ? null : manifest.getMainAttributes().getValue(COMMIT);
          if (commit == null || commit.isBlank() || commit.startsWith("${")) {
            return "unknown (built outside a git checkout)";
          }
          boolean dirty = "true".equals(manifest.getMainAttributes().getValue(COMMIT + "-Dirty"));
          return commit + (dirty ? "-dirty" : "");
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        return "unknown (" + e.getMessage() + ")";
      }
    }

    private static final String COMMIT = "Parity-Commit";
  }
}
