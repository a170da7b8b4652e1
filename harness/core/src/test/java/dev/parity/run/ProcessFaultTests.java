package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real processes that misbehave: programs that cannot be executed, die of signals, or try to
 * outlive their run. Survivors are found by a unique number in their argv, through /proc.
 */
@Timeout(120)
class ProcessFaultTests {
  @TempDir Path root;

  @BeforeAll
  static void theLauncherRunsHere() {
    Survivors.requireLauncher();
  }

  private Suite suite(String cases) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                    + "defaults:\n  timeout: 60s\ncases:\n"
                    + cases);
    return new SuiteLoader().load(folder.folder());
  }

  private static RunOutcome run(Suite suite, String caseId) {
    Case testCase = suite.find(caseId).orElseThrow();
    return new CommandRunner().run(suite, suite.legacy(), testCase);
  }

  private static Observation completed(RunOutcome outcome) {
    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    return outcome.observation().orElseThrow();
  }

  @Test
  void aScriptWhoseInterpreterIsMissingIsUnavailableNotAnObservation() {
    TempSuite.in(root, "s").script("tool.sh", "#!/no/such/interpreter-7731\necho hi\n");
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [./tool.sh]\ncandidate:\n  command: [./tool.sh]\n"
                    + "cases:\n  - id: a\n");
    Suite suite = new SuiteLoader().load(folder.folder());

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u ->
                assertThat(u.reason())
                    .startsWith("program [")
                    .contains(
                        "tool.sh] cannot be executed: No such file or directory"
                            + " (its #! interpreter [/no/such/interpreter-7731] is missing"));
  }

  @Test
  void aScriptWithoutAnInterpreterLineRunsThroughTheShellAsExecvpDoes() {
    // The launcher starts programs with vfork + execvp; posix_spawnp would refuse such a script
    // (ENOEXEC), which the runs before the launcher and any shell do run.
    TempSuite.in(root, "s").script("plain.sh", "echo plain \"$1\"\n");
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [./plain.sh]\ncandidate:\n  command: [./plain.sh]\n"
                    + "cases:\n  - id: a\n    args: [one]\n");
    Suite suite = new SuiteLoader().load(folder.folder());

    Observation observation = completed(run(suite, "a"));

    assertThat(observation.value(Observation.EXIT_CODE)).contains("0");
    assertThat(new String(observation.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("plain one\n");
  }

  @Test
  void aProgramThatExits127ByItselfIsStillAnObservation() {
    Suite suite =
        suite(
            "  - id: own\n    args: ['echo before; exit 127']\n"
                + "  - id: shell\n    args: ['/no/such/program-7732']\n");

    Observation own = completed(run(suite, "own"));
    Observation shell = completed(run(suite, "shell"));

    assertThat(own.value(Observation.EXIT_CODE)).contains("127");
    assertThat(new String(own.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("before\n");
    assertThat(shell.value(Observation.EXIT_CODE))
        .as("sh itself ran and reported the missing program: that is its behaviour")
        .contains("127");
  }

  @Test
  void aSignalIsRecordedAndDiffersFromTheSameExitCode() {
    Suite suite =
        suite("  - id: killed\n    args: ['kill -9 $$']\n  - id: exits\n    args: ['exit 137']\n");

    Observation killed = completed(run(suite, "killed"));
    Observation exits = completed(run(suite, "exits"));

    assertThat(killed.value(Observation.EXIT_CODE)).contains("137");
    assertThat(killed.value(Observation.SIGNAL)).contains("SIGKILL");
    assertThat(exits.value(Observation.EXIT_CODE)).contains("137");
    assertThat(exits.value(Observation.SIGNAL)).isEmpty();
    Comparison comparison =
        new ObservationComparator().compare(EnumSet.allOf(CompareTarget.class), killed, exits);
    assertThat(comparison.isIdentical()).isFalse();
    assertThat(comparison.facts())
        .anySatisfy(
            fact -> {
              assertThat(fact.key()).isEqualTo("killed by signal");
              assertThat(fact.message()).isEqualTo("legacy SIGKILL, candidate none");
            });
  }

  @Test
  void aSignalIsStoredInTheGoldenAndOldGoldensWithoutItStillLoad() throws Exception {
    Suite suite = suite("  - id: segv\n    args: ['kill -SEGV $$']\n");
    Observation crashed = completed(run(suite, "segv"));
    GoldenStore store = new GoldenStore(root.resolve("golden"));

    store.write("segv", crashed, false);
    Path meta = store.caseFolder("segv").resolve(GoldenStore.META);

    assertThat(meta).content().contains("signal: SIGSEGV", "exitCode: 139");
    assertThat(store.read("segv").orElseThrow().value(Observation.SIGNAL)).contains("SIGSEGV");
    Files.writeString(meta, Files.readString(meta).replace("  signal: SIGSEGV\n", ""));
    assertThat(store.read("segv").orElseThrow().value(Observation.SIGNAL))
        .as("a meta.yaml written before signals were recorded")
        .isEmpty();
  }

  /**
   * The four ways out of a process group, and the plain background child, of a process that holds
   * none of the program's output: it is killed when the program ends, without a wait.
   */
  @ParameterizedTest
  @MethodSource("escapes")
  void nothingAProgramStartsOutlivesItsRun(String escape) throws Exception {
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: a\n    timeout: 10m\n    args: [\""
                + withoutOutput(escape.replace("MARKER", marker))
                + "\\necho started\"]\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(new String(observation.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("started\n");
    // Completed: a run that waited for the process until its 10-minute timeout would have failed.
    Survivors.assertNone(marker);
  }

  /**
   * The same escapes holding the program's output open: it may still be written to, so the run
   * waits for it as {@code program | cat} would, and at the case's timeout fails, naming the
   * process; none of them outlives the run.
   */
  @ParameterizedTest
  @MethodSource("escapes")
  void anEscapeHoldingTheOutputFailsTheRunAtItsTimeout(String escape) throws Exception {
    Survivors.requireLauncher();
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: a\n    timeout: 3s\n    args: [\""
                + escape.replace("MARKER", marker)
                + "\\necho started\"]\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith("the program exited with code 0, but a process it started, pid ")
                    .contains("(sleep), still held its standard output or error open"));
    Survivors.assertNone(marker);
  }

  /**
   * A holder of the output that hands it on to a child and exits at once, twice over, while the
   * launcher looks: it lists the processes before it reads their descriptors, and before it
   * believed "no holder" on a single look, it lost the late line about one run in four.
   */
  @RepeatedTest(10)
  void anOutputHandedOnBetweenShortLivedProcessesIsWaitedFor() {
    Survivors.requireLauncher();
    Suite suite =
        suite(
            "  - id: a\n    timeout: 10m\n    args: ['((sleep 0.2; echo late) &) & echo early']\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(new String(observation.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("early\nlate\n");
  }

  /** The four ways out of a process group, and the plain background child. */
  static Stream<String> escapes() {
    return Stream.of(
        "setsid sh -c 'sleep MARKER &'",
        "setsid -f sleep MARKER",
        "set -m; sleep MARKER &",
        "(sleep MARKER &) &",
        "sleep MARKER &");
  }

  /** {@code command}, run with its output and error sent to /dev/null. */
  private static String withoutOutput(String command) {
    return "{ " + command + (command.endsWith("&") ? " " : "; ") + "} >/dev/null 2>&1";
  }

  /**
   * A signal the program sends its parent (some tell it so that they are ready) reaches the
   * launcher: it must neither end the run nor leave the program's children running.
   */
  @ParameterizedTest
  @ValueSource(strings = {"USR2", "ALRM", "PIPE", "HUP", "TSTP"})
  void aSignalTheProgramSendsItsParentDoesNotStopTheLauncher(String signal) throws Exception {
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: a\n    args: ['sleep "
                + marker
                + " >/dev/null 2>&1 & kill -"
                + signal
                + " $PPID; echo sent']\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(observation.value(Observation.EXIT_CODE)).contains("0");
    assertThat(new String(observation.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("sent\n");
    Survivors.assertNone(marker);
  }

  /**
   * SIGKILL is the one signal the launcher cannot block: a program that sends it to its parent left
   * its children running, and the run waited for the pumps' stop timeout and then said the program
   * could not be started. Its session (every process it started that did not leave it) is killed,
   * and the run fails saying why.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sleep MARKER & kill -9 $PPID; echo hi; wait",
        "sleep MARKER & kill -9 $PPID; echo hi",
        "(set -m; sleep MARKER &) ; kill -9 $PPID; echo hi"
      })
  void aProgramThatKillsItsLauncherLeavesNothingRunningAndFailsItsRun(String program)
      throws Exception {
    String marker = Survivors.marker();
    Suite suite = suite("  - id: a\n    args: ['" + program.replace("MARKER", marker) + "']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith("no result: the launcher was killed while the program ran"));
    Survivors.assertNone(marker);
  }

  @Test
  void aProgramThatDeletesItsRunFolderEndsAsItDidOrIsAFailedRunThatSaysSo() {
    Suite suite =
        suite("  - id: a\n    args: ['rm -rf \"$(dirname \"$PARITY_WORKDIR\")\"; echo same']\n");

    RunOutcome outcome = run(suite, "a");

    if (StatusFiles.next().isPresent()) {
      // The launcher's status is not in the run folder (StatusFiles): how the program ended is
      // known.
      assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
      assertThat(
              outcome.observation().orElseThrow().stream("stdout")
                  .map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
          .hasValue("same\n");
      return;
    }
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith("no result: the run's folder ")
                    .endsWith(
                        " was deleted while the program ran (by the program?), and with it"
                            + " the launcher's status"));
  }

  /**
   * An escaped process that writes to the program's output after the program ended: what it writes
   * is part of the output, and once it no longer holds the output it is killed, without a wait.
   */
  @Test
  void anEscapedChildWritesToTheOutputUntilItClosesIt() throws Exception {
    Survivors.requireLauncher();
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: a\n    timeout: 10m\n    args: ['setsid -f sh -c \"sleep 1; echo late;"
                + " exec sleep "
                + marker
                + " >/dev/null 2>&1\"; echo started']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(
            new String(completed(outcome).stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("started\nlate\n");
    // Completed: a run that waited for the process until its 10-minute timeout would have failed.
    Survivors.assertNone(marker);
  }

  @Test
  void aTimeoutKillsEscapedProcessesToo() throws Exception {
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: a\n    timeout: 1s\n    args: ['setsid -f sleep "
                + marker
                + "; setsid sh -c \"sleep "
                + marker
                + " &\"; sleep "
                + marker
                + "']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class, f -> assertThat(f.reason()).startsWith("timed out after 1s"));
    Survivors.assertNone(marker);
  }

  @Test
  void killingParityWithSigkillKillsItsServersAndRunsAndTheNextRunCleansItsFolders()
      throws Exception {
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "  - id: hang\n    timeout: 10m\n    args: ['setsid -f sleep "
                + marker
                + "; setsid sh -c \"sleep "
                + marker
                + " &\"; sleep "
                + marker
                + "']\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process parity =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ParityVictim.class.getName(),
                suite.folder().toString(),
                marker)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("victim.log").toFile())
            .start();
    String prefix = "parity-" + parity.pid() + "-";
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      // The server and its escapee, the run's program and its two escapees.
      Survivors.awaitSleeping(marker, 5);
      // Checked while it lives: once it is dead, any Parity starting on this machine may clean
      // them.
      assertThat(leftovers(tmp, prefix)).as("folders of the running parity").isNotEmpty();
    } finally {
      parity.destroyForcibly().waitFor();
    }

    Survivors.assertNone(marker);
    Workdirs.deleteStale(tmp);
    assertThat(leftovers(tmp, prefix)).as("folders after the next run's cleaning").isEmpty();
  }

  @Test
  void aServerOutlivesTheThreadThatStartedItUntilItIsClosed() throws Exception {
    String marker = Survivors.marker();
    Suite suite = suite("  - id: a\n");
    LocalServer[] server = new LocalServer[1];
    // The launcher's death signal fires when the starting thread ends: only Parity's death counts.
    Thread starter =
        new Thread(
            () -> {
              try {
                server[0] =
                    LocalServer.start(
                        suite,
                        new HttpImplementation.Start(
                            List.of("sleep", marker),
                            Map.of(),
                            Optional.empty(),
                            Optional.empty(),
                            Duration.ofSeconds(5)));
              } catch (ServiceStartException e) {
                throw new IllegalStateException(e);
              }
            });
    starter.start();
    starter.join();
    Survivors.awaitSleeping(marker, 1);

    // Longer than the launcher takes to act on a death signal (it polls every 200 ms).
    Thread.sleep(1500);

    assertThat(server[0].ended()).isEmpty();
    assertThat(Survivors.sleeping(marker)).hasSize(1);
    server[0].close();
    Survivors.assertNone(marker);
  }

  /** A server that kills its launcher is a stopped server, and leaves nothing running. */
  @Test
  void aServerThatKillsItsLauncherIsStoppedAndLeavesNothingRunning() throws Exception {
    String marker = Survivors.marker();
    Suite suite = suite("  - id: a\n");
    LocalServer server =
        LocalServer.start(
            suite,
            new HttpImplementation.Start(
                List.of("sh", "-c", "sleep " + marker + " & kill -9 $PPID; sleep " + marker),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5)));
    try {
      await()
          .atMost(Duration.ofMillis(Survivors.PATIENCE_MS))
          .until(() -> server.ended().isPresent());
      assertThat(server.ended())
          .hasValue(
              "stopped: its launcher was killed while it ran (does the server kill its parent?);"
                  + " every process left in its session was killed");
      Survivors.assertNone(marker);
    } finally {
      server.close();
    }
  }

  private static List<String> leftovers(Path tmp, String prefix) throws Exception {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .toList();
    }
  }
}
