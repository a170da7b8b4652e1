package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Case;
import dev.parity.fixture.CommandCase;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTests {
  @TempDir Path root;

  private Suite suite(String legacyCommand, String cases) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: "
                    + legacyCommand
                    + "\n  env: {FROM_IMPL: impl, SHARED: impl}\n"
                    + "candidate:\n  command: [sh]\ndefaults:\n  timeout: 20s\n  env: {FROM_DEFAULTS: defaults, SHARED: defaults}\n"
                    + "cases:\n"
                    + cases)
            .file("data/in.txt", "line one\nline two\n")
            .bytes("data/blob.bin", new byte[] {0, 1, 2, (byte) 0xff});
    return new SuiteLoader().load(folder.folder());
  }

  private static RunOutcome run(Suite suite, String caseId) {
    return run(new CommandRunner(), suite, caseId);
  }

  private static RunOutcome run(CommandRunner runner, Suite suite, String caseId) {
    Case testCase = suite.find(caseId).orElseThrow();
    return runner.run(suite, suite.legacy(), testCase);
  }

  private static Observation completed(RunOutcome outcome) {
    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    return outcome.observation().orElseThrow();
  }

  private static String text(Observation observation, String stream) {
    return new String(observation.stream(stream).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void capturesExitCodeStdoutAndStderrSeparately() {
    Suite suite = suite("[sh, -c]", "  - id: a\n    args: ['echo out; echo err >&2; exit 7']\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(observation.value(Observation.EXIT_CODE)).contains("7");
    assertThat(text(observation, "stdout")).isEqualTo("out\n");
    assertThat(text(observation, "stderr")).isEqualTo("err\n");
    assertThat(observation.duration()).isPositive();
  }

  @Test
  void passesArgumentsVerbatimWithoutShellQuoting() {
    Suite suite =
        suite(
            "[sh, -c, 'printf \"[%s]\" \"$@\"', argv0]",
            "  - id: a\n    args: ['two words', '\"quoted\"', \"it's\", '']\n");

    assertThat(text(completed(run(suite, "a")), "stdout"))
        .isEqualTo("[two words][\"quoted\"][it's][]");
  }

  @Test
  void feedsInlineAndFileStdinAndEndOfFileOtherwise() {
    Suite suite =
        suite(
            "[cat]",
            "  - id: inline\n    stdin: \"héllo\\n\"\n  - id: file\n    stdin: \"@data/blob.bin\"\n  - id: none\n");

    assertThat(text(completed(run(suite, "inline")), "stdout")).isEqualTo("héllo\n");
    assertThat(completed(run(suite, "file")).stream("stdout"))
        .contains(new byte[] {0, 1, 2, (byte) 0xff});
    assertThat(completed(run(suite, "none")).stream("stdout")).contains(new byte[0]);
  }

  @Test
  void layersEnvironmentDefaultsThenImplementationThenCase() {
    Suite suite =
        suite(
            "[sh, -c, 'echo $FROM_DEFAULTS $FROM_IMPL $SHARED $FROM_CASE; test -d \"$PARITY_WORKDIR\" && test -f \"$PARITY_SUITE/suite.yaml\" && echo ok']",
            "  - id: a\n    env: {FROM_CASE: case}\n  - id: b\n    env: {SHARED: case}\n");

    assertThat(text(completed(run(suite, "a")), "stdout"))
        .isEqualTo("defaults impl impl case\nok\n");
    assertThat(text(completed(run(suite, "b")), "stdout")).isEqualTo("defaults impl case\nok\n");
  }

  /**
   * An environment a program cannot receive as written: a NUL ends a C string (the program got "x"
   * for "x\0y"), and B=C: 1 reached the program as B with the value "C=1". Both sides then ran with
   * an environment other than the one written.
   */
  @Test
  void anEnvironmentNoProgramCanReceiveAsWrittenIsNeverRun() {
    // The suite's own YAML cannot hold such a variable (ProgramStringsTests): a case built in code,
    // as a table or template could fill one in, meets the runner's own check.
    Suite nul = withEnv(suite("[sh, -c, 'echo \"[$A]\"']", "  - id: a\n"), Map.of("A", "x\0y"));
    Suite equals = withEnv(suite("[sh, -c, 'echo \"[$B]\"']", "  - id: a\n"), Map.of("B=C", "1"));

    assertThat(run(nul, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u -> assertThat(u.reason()).contains("[A]", "NUL", "env"));
    assertThat(run(equals, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u -> assertThat(u.reason()).contains("[B=C]", "'='", "env"));
  }

  private static Suite withEnv(Suite suite, Map<String, String> env) {
    CommandCase c = (CommandCase) suite.cases().get(0);
    return suite.withCases(
        List.of(
            new CommandCase(
                c.id(),
                c.source(),
                c.args(),
                c.stdin(),
                env,
                c.files(),
                c.outputs(),
                c.optional(),
                c.timeout(),
                c.tags(),
                c.normalize())));
  }

  @Test
  void copiesInputFilesIntoAFreshWorkdirAndCollectsOutputs() {
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['ls; mkdir -p out && tr a-z A-Z < data/in.txt > out/up.txt && touch stray']\n"
                + "    files: [data/in.txt]\n    outputs: [out/up.txt, out/never.txt]\n"
                + "  - id: b\n    args: ['ls']\n");

    Observation a = completed(run(suite, "a"));
    Observation b = completed(run(suite, "b"));

    assertThat(text(a, "stdout")).isEqualTo("data\n");
    assertThat(text(a, "file:out/up.txt")).isEqualTo("LINE ONE\nLINE TWO\n");
    assertThat(a.streams()).doesNotContainKey("file:out/never.txt");
    assertThat(text(b, "stdout")).as("every run starts from an empty directory").isEmpty();
  }

  @Test
  void keepsBinaryAndNonUtf8OutputByteExact() {
    Suite suite =
        suite("[sh, -c]", "  - id: a\n    args: [\"printf '\\\\000\\\\351t\\\\351\\\\377'\"]\n");

    assertThat(completed(run(suite, "a")).stream("stdout"))
        .contains(new byte[] {0, (byte) 0xe9, 't', (byte) 0xe9, (byte) 0xff});
  }

  @Test
  void timeoutKillsTheWholeProcessTree() throws Exception {
    assertTimeoutKillsTree(new CommandRunner());
  }

  @Test
  void timeoutKillsTheWholeProcessTreeWithoutTheLauncher() throws Exception {
    System.setProperty(Launcher.DISABLE_PROPERTY, "true");
    try {
      assertTimeoutKillsTree(new CommandRunner());
    } finally {
      System.clearProperty(Launcher.DISABLE_PROPERTY);
    }
  }

  @Test
  void timeoutKillsTheWholeProcessTreeWithoutTheLauncherOrSetsid() throws Exception {
    System.setProperty(Launcher.DISABLE_PROPERTY, "true");
    System.setProperty("parity.noSetsid", "true");
    try {
      assertTimeoutKillsTree(new CommandRunner());
    } finally {
      System.clearProperty("parity.noSetsid");
      System.clearProperty(Launcher.DISABLE_PROPERTY);
    }
  }

  private void assertTimeoutKillsTree(CommandRunner runner) throws Exception {
    Path pidFile = root.resolve("grandchild.pid");
    // The child starts a grandchild that sleeps forever, then both wait. The timeout leaves the
    // grandchild a hundred times what it needs to start and write its pid.
    TempSuite.in(root, "s").file("child.sh", "sleep 300 &\necho $! > \"$PID_FILE\"\nwait\n");
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: hang\n    timeout: 2s\n    env: {PID_FILE: '"
                + pidFile
                + "'}\n"
                + "    args: ['sh \"$PARITY_SUITE/child.sh\" & sleep 300']\n");

    RunOutcome outcome = run(runner, suite, "hang");

    assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
    assertThat(((RunOutcome.Failed) outcome).reason())
        .startsWith("timed out after 2s; the process and all its children were killed");
    assertThat(outcome.duration())
        .as("the kill does not wait for the sleeps to end")
        .isLessThan(Duration.ofSeconds(60));
    assertThat(pidFile).as("the grandchild started before the timeout").exists();
    long grandchild = Long.parseLong(Files.readString(pidFile).trim());
    assertGone(grandchild);
  }

  /**
   * A timeout that passes while the program is being started (a short one on a loaded machine)
   * still stops it: before, the watchdog found no process yet, and the program ran unbounded.
   */
  @Test
  @Timeout(120)
  void aTimeoutThatPassesBeforeTheProgramIsStartedStillStopsIt() throws Exception {
    String marker = Survivors.marker();
    Suite suite = suite("[sleep]", "  - id: a\n    timeout: 1ms\n    args: ['" + marker + "']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class, f -> assertThat(f.reason()).startsWith("timed out after 1ms"));
    Survivors.assertNone(marker);
  }

  @Test
  void killsWhatTheProgramLeftRunningWhenItExits() throws Exception {
    Path pidFile = root.resolve("orphan.pid");
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    timeout: 10m\n    env: {PID_FILE: '"
                + pidFile
                + "'}\n    args: ['sleep 300 >/dev/null 2>&1 & echo $! > $PID_FILE; echo done']\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(text(observation, "stdout")).isEqualTo("done\n");
    // Completed: a run that waited for the process until its 10-minute timeout would have failed.
    assertGone(Long.parseLong(Files.readString(pidFile).trim()));
  }

  /**
   * What a process the program left running writes to the program's output is part of the output,
   * as for {@code program | cat}: before, the launcher killed it as soon as the program exited, and
   * a candidate whose late line legacy never printed passed.
   */
  @Test
  void whatAProcessTheProgramLeftRunningWritesIsPartOfItsOutput() {
    Survivors.requireLauncher();
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['(sleep 1; echo late; echo late-err >&2) & echo early']\n");

    Observation observation = completed(run(suite, "a"));

    assertThat(text(observation, "stdout")).isEqualTo("early\nlate\n");
    assertThat(text(observation, "stderr")).isEqualTo("late-err\n");
    assertThat(observation.value(Observation.EXIT_CODE)).contains("0");
  }

  /**
   * A process the program left running that holds its output open at the timeout: the output is not
   * complete, so the run fails, naming that process; it is killed with the rest.
   */
  @Test
  @Timeout(120)
  void aProcessLeftHoldingTheOutputAtTheTimeoutFailsTheRunNamingIt() throws Exception {
    Survivors.requireLauncher();
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    timeout: 5s\n    args: ['sleep "
                + marker
                + " & echo early; exit 3']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            failed ->
                assertThat(failed.reason())
                    .startsWith("the program exited with code 3, but a process it started, pid ")
                    .contains("(sleep), still held its standard output or error open")
                    .contains("at the timeout of 5s")
                    .contains("`wait` in a shell script"));
    Survivors.assertNone(marker);
  }

  /**
   * A process the program left that stops its launcher itself ({@code kill $PPID}: the launcher is
   * its parent now) while it holds the output: the output is not complete either, so the run fails;
   * it is never taken for the program's whole output.
   */
  @Test
  @Timeout(120)
  void aProcessLeftThatStopsItsLauncherWhileItHoldsTheOutputFailsTheRun() throws Exception {
    Survivors.requireLauncher();
    String marker = Survivors.marker();
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    timeout: 10m\n    args: ['(sleep 0.3; kill $PPID; echo late; sleep "
                + marker
                + ") & echo early']\n");

    RunOutcome outcome = run(suite, "a");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            failed ->
                assertThat(failed.reason())
                    .startsWith("the program exited with code 0, but a process it started, pid ")
                    .contains("when its launcher was stopped by a SIGTERM that was not Parity's"));
    Survivors.assertNone(marker);
  }

  private static void assertGone(long pid) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("process %d is still alive", pid)
        .isFalse();
  }

  @Test
  void missingOrNonExecutableProgramIsUnavailable() {
    TempSuite folder = TempSuite.in(root, "s").file("not-exec.sh", "echo hi\n");
    Suite missingOnPath = suite("[no-such-program-xyz]", "  - id: a\n");
    Suite missingFile = suite("[./bin/nothing]", "  - id: a\n");
    Suite notExecutable = suite("[./not-exec.sh]", "  - id: a\n");

    assertThat(run(missingOnPath, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u ->
                assertThat(u.reason())
                    .startsWith("program [no-such-program-xyz] not found on PATH"));
    assertThat(run(missingFile, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u -> assertThat(u.reason()).isEqualTo("program [./bin/nothing] does not exist"));
    assertThat(folder.folder().resolve("not-exec.sh")).exists();
    assertThat(run(notExecutable, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Unavailable.class,
            u -> assertThat(u.reason()).startsWith("program [./not-exec.sh] is not executable"));
  }

  @Test
  void keepsOutputsOverTheMemoryLimitWholeOnDiskUntilTheCaseIsReleased() throws Exception {
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['head -c 5000 /dev/zero; echo small >&2; seq 1 2000 > out.txt']\n"
                + "    outputs: [out.txt]\n");

    Observation observation = completed(run(new CommandRunner(1000), suite, "a"));

    assertThat(observation.streams()).containsOnlyKeys("stderr");
    assertThat(text(observation, "stderr")).isEqualTo("small\n");
    assertThat(observation.spooled()).containsOnlyKeys("stdout", "file:out.txt");
    Spooled stdout = observation.spooled().get("stdout");
    assertThat(stdout.size()).isEqualTo(5000);
    assertThat(Files.readAllBytes(stdout.file())).isEqualTo(new byte[5000]);
    byte[] expected =
        IntStream.rangeClosed(1, 2000)
            .mapToObj(i -> i + "\n")
            .collect(Collectors.joining())
            .getBytes(StandardCharsets.UTF_8);
    assertThat(Files.readAllBytes(observation.spooled().get("file:out.txt").file()))
        .isEqualTo(expected);

    Spool.release("a");

    assertThat(stdout.file()).doesNotExist();
  }

  /**
   * A declared output the program made a symbolic link out of its working folder is not read
   * through the link: it may lead to any file (a candidate linking to the expected output would
   * pass without writing it). The run failed, naming the link and where it leads.
   */
  @Test
  void aDeclaredOutputLinkedOutOfTheWorkingFolderIsAFailedRunNamingTheLink() throws Exception {
    Path outside = Files.writeString(root.resolve("expected.txt"), "the expected output\n");
    Path real = outside.toRealPath();
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: file\n    args: ['ln -s \"$0\" out.txt', '"
                + outside
                + "']\n    outputs: [out.txt]\n"
                + "  - id: folder\n    args: ['ln -s \"$(dirname $0)\" out', '"
                + outside
                + "']\n    outputs: [out/expected.txt]\n");

    assertThat(run(suite, "file"))
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .isEqualTo(
                        "declared output file [out.txt] is reached through a symbolic link"
                            + " (out.txt -> "
                            + outside
                            + ") leading out of its working folder, to "
                            + real
                            + "; Parity reads a program's outputs only inside its working folder:"
                            + " have the program write the file there itself, or link only to a"
                            + " file in that folder"));
    assertThat(run(suite, "folder"))
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith(
                        "declared output file [out/expected.txt] is reached through a symbolic"
                            + " link (out -> "));
  }

  /**
   * A link that stays inside the working folder (a tool's {@code latest -> v2} file or folder) is
   * followed: its target is the program's own output. A large one is copied to the spool.
   */
  @Test
  void aDeclaredOutputLinkedInsideTheWorkingFolderIsReadThroughTheLink() throws Exception {
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['echo v2 > v2.txt; ln -s v2.txt latest.txt;"
                + " mkdir real; seq 1 2000 > real/big.txt; ln -s real out']\n"
                + "    outputs: [latest.txt, out/big.txt]\n");

    Observation observation = completed(run(new CommandRunner(1000), suite, "a"));

    assertThat(text(observation, "file:latest.txt")).isEqualTo("v2\n");
    assertThat(Files.readAllLines(observation.spooled().get("file:out/big.txt").file()))
        .hasSize(2000)
        .startsWith("1", "2");
    Spool.release("a");
  }

  /**
   * An output over the in-memory limit is moved from the working folder to the spool: never a file
   * outside it that a folder link of the program's leads to, which would be lost.
   */
  @Test
  void aLargeOutputBehindAFolderLinkIsNeverMovedOutOfItsFolder() throws Exception {
    Path mine = Files.createDirectories(root.resolve("mine"));
    Path precious = Files.write(mine.resolve("big.bin"), new byte[5000]);
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['ln -s \"$0\" out', '"
                + mine
                + "']\n    outputs: [out/big.bin]\n");

    assertThat(run(new CommandRunner(1000), suite, "a")).isInstanceOf(RunOutcome.Failed.class);
    assertThat(precious).hasSize(5000);
  }

  /**
   * A program that replaces its working folder with a link to another folder: its declared outputs
   * are not read from there (a folder holding the expected outputs would pass), and a large file
   * there is not moved to the spool (and lost with it). The run failed, saying why.
   */
  @Test
  void aProgramThatReplacesItsWorkingFolderHasNoOutputReadFromWhereItLeads() throws Exception {
    Path mine = Files.createDirectories(root.resolve("mine"));
    Path precious = Files.write(mine.resolve("big.bin"), new byte[5000]);
    Files.writeString(mine.resolve("small.txt"), "expected\n");
    Suite suite =
        suite(
            "[sh, -c]",
            "  - id: a\n    args: ['d=$(pwd); cd ..; rm -rf \"$d\"; ln -s \"$0\" \"$d\"', '"
                + mine
                + "']\n    outputs: [big.bin, small.txt]\n");

    assertThat(run(new CommandRunner(1000), suite, "a"))
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith("the program replaced its working folder ")
                    .contains("its declared output files are not read"));
    assertThat(precious).hasSize(5000);
  }

  @Test
  void anOutputTheDiskCannotHoldStopsTheRunNamingTheSpoolFolderAndTheFix() throws Exception {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "needs /dev/full, whose writes fail with ENOSPC");
    Suite suite = suite("[sh, -c]", "  - id: a\n    args: ['head -c 5000 /dev/zero']\n");
    Path spool = Files.createDirectory(root.resolve("spool"));
    // A real "No space left on device" from the kernel: the spool file is a link to /dev/full.
    CommandRunner runner =
        new CommandRunner(
            1000,
            (caseId, stream) ->
                Files.createSymbolicLink(spool.resolve(caseId + "-" + stream), full));

    assertThatThrownBy(() -> run(runner, suite, "a"))
        .isInstanceOf(SpoolException.class)
        .hasMessageStartingWith("cannot keep stdout of case [a] on disk: ")
        .hasMessageContaining("over the in-memory limit of 1000 bytes")
        .hasMessageContaining("in " + spool + ": ")
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("free disk space there")
        .hasMessageContaining("PARITY_JAVA_OPTS=-Djava.io.tmpdir=");
  }

  @Test
  void runsInTheConfiguredCwd() {
    TempSuite.in(root, "s").file("tools/marker", "");
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [ls]\n  cwd: tools\ncandidate:\n  command: [ls]\ncases:\n  - id: a\n");
    Suite suite = new SuiteLoader().load(folder.folder());

    assertThat(text(completed(run(suite, "a")), "stdout")).isEqualTo("marker\n");
  }
}
