package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parity.run.Survivors;
import dev.parity.testing.TempSuite;
import dev.parity.testing.Trees;
import dev.parity.verdict.Decision;
import dev.parity.verdict.RunStatus;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code PARITY_DAEMON=1} (docs/daemon.md): a run handed to the resident JVM prints, writes and
 * exits as the JVM the client would otherwise start, its programs see the client's context, and a
 * client that is stopped or killed stops its run as a stopped JVM does.
 */
class DaemonTests extends DaemonTestCase {

  @Test
  void aRunInTheDaemonPrintsAndExitsAsItsOwnJvmDoes() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "mixed")
            .suiteYaml(
                "name: mixed\nlegacy:\n  command: [sh, -c, 'echo \"$0\"; echo warn >&2']\n"
                    + "candidate:\n  command: [sh, -c, 'echo \"$0$SUFFIX\"; echo warn >&2']\n"
                    + "cases:\n  - {id: same, args: [a]}\n  - {id: differs, args: [b], env: {SUFFIX: x}}\n");
    Path out = root.resolve("out");
    String folder = suite.folder().toString();
    String golden = suite.golden().toString();
    List<List<String>> runs =
        List.of(
            List.of("record", folder, "--golden", golden, "--out", out.toString()),
            List.of("verify", folder, "--golden", golden, "--out", out.toString()),
            List.of(
                "verify", folder, "--golden", golden, "--out", out.toString(), "--case", "same"),
            List.of("compare", folder, "--out", out.toString(), "--runs", "1"),
            List.of("verify", folder, "--no-such-option"),
            List.of("verify", "--help"));
    for (List<String> args : runs) {
      String[] arguments = args.toArray(String[]::new);
      Run direct = run(client.directCommand(arguments));
      Verdict directVerdict = verdict(out);
      Run viaDaemon = run(client.command(arguments));
      assertThat(viaDaemon.masked()).as("parity %s", args).isEqualTo(direct.masked());
      assertThat(verdict(out).decision()).isEqualTo(directVerdict.decision());
      assertThat(verdict(out).counts()).isEqualTo(directVerdict.counts());
      assertThat(verdict(out).reasons()).isEqualTo(directVerdict.reasons());
    }
    assertThat(
            run(client.command("verify", folder, "--golden", golden, "--out", out.toString()))
                .exit())
        .isEqualTo(1);
  }

  /**
   * Runs started one right after the other are all served by the same daemon: the programs'
   * launcher is the daemon's child (the cases print their launcher's parent), so a run that went to
   * a JVM of its own would print another pid and fail.
   */
  @Test
  void theRunsOfOneContextShareOneDaemon() throws Exception {
    String jvm = "read -r _ _ _ jvm _ < /proc/$PPID/stat; echo $jvm";
    TempSuite suite =
        TempSuite.in(root, "share")
            .suiteYaml(
                "name: share\nlegacy:\n  command: [sh, -c, '"
                    + jvm
                    + "']\ncandidate:\n  command: [sh, -c, '"
                    + jvm
                    + "']\ncases:\n  - id: a\n");
    assertThat(run(client.command("record", suite.folder().toString())).exit()).isZero();
    List<ProcessHandle> daemons = client.daemons();
    assertThat(daemons).hasSize(1);
    assertThat(Files.readString(suite.golden().resolve("a/stdout")))
        .isEqualTo(daemons.get(0).pid() + "\n");
    for (int i = 0; i < 5; i++) {
      Run verify = run(client.command("verify", suite.folder().toString()));
      assertThat(verify.exit()).as("verify %d: %s", i, verify.out()).isZero();
    }
    assertThat(client.daemons()).containsExactlyElementsOf(daemons);
  }

  /**
   * Programs see the client's environment and umask, and relative paths are the client's working
   * folder's, never another client's.
   */
  @Test
  void theRunsSeeTheirOwnClientsContext() throws Exception {
    Path one = Files.createDirectories(root.resolve("one"));
    Path two = Files.createDirectories(root.resolve("two"));
    String first = record(contextSuite(one), "022", "first");
    String second = record(contextSuite(two), "077", "second");
    String third = record(contextSuite(one), "022", "third");
    assertThat(first).isEqualTo("0022\nfirst\n");
    assertThat(second).isEqualTo("0077\nsecond\n");
    assertThat(third).isEqualTo("0022\nthird\n");
    assertThat(client.daemons()).hasSize(3);
  }

  @Test
  void aSignalToTheClientStopsTheRunAsItStopsAJvm() throws Exception {
    String marker = Survivors.marker();
    Path out = root.resolve("out");
    Process stopped = hangingVerify("signal", marker, out);
    try {
      assertThat(client.daemons()).hasSize(1);
      stopped.destroy(); // SIGTERM, passed on to the daemon
      assertThat(stopped.waitFor()).as("the JVM's exit code for SIGTERM").isEqualTo(143);
    } finally {
      stopped.destroyForcibly();
    }
    Survivors.awaitSleeping(marker, 0);
    awaitNoDaemon(); // its shutdown hooks, which write the stopped run's reports, have run
    assertStopped(out);
  }

  @Test
  void killingTheClientKillsItsRunsProgramsAndItsDaemon() throws Exception {
    String marker = Survivors.marker();
    Path out = root.resolve("out");
    Process killed = hangingVerify("kill", marker, out);
    try {
      killed.destroyForcibly(); // SIGKILL: nothing passed on; the daemon sees the client gone
      killed.waitFor();
    } finally {
      killed.destroyForcibly();
    }
    Survivors.awaitSleeping(marker, 0);
    awaitNoDaemon(); // its shutdown hooks, which write the stopped run's reports, have run
    assertStopped(out);
  }

  /**
   * A verify through the daemon whose candidate hangs in {@code sleep <marker>}, recorded first;
   * returns once the candidate sleeps.
   */
  private Process hangingVerify(String name, String marker, Path out) throws Exception {
    TempSuite suite = hangingSuite(name, marker);
    String folder = suite.folder().toString();
    assertThat(run(client.command("record", folder, "--out", out.toString())).exit()).isZero();
    Files.createFile(suite.folder().resolve("hang"));
    Process verify = start(client.command("verify", folder, "--out", out.toString()));
    Survivors.awaitSleeping(marker, 1);
    return verify;
  }

  @Test
  void aClientWhoseDaemonIsBusyRunsItsOwnJvm() throws Exception {
    String marker = Survivors.marker();
    TempSuite hanging = hangingSuite("busy", marker);
    TempSuite quick = echoSuite("quick");
    assertThat(run(client.command("record", hanging.folder().toString())).exit()).isZero();
    assertThat(run(client.command("record", quick.folder().toString())).exit()).isZero();
    Files.createFile(hanging.folder().resolve("hang"));
    Process busy = start(client.command("verify", hanging.folder().toString()));
    try {
      Survivors.awaitSleeping(marker, 1);
      Run meanwhile = run(client.command("verify", quick.folder().toString()));
      assertThat(meanwhile.exit()).as(meanwhile.err()).isZero();
      assertThat(meanwhile.out()).contains("1 passed");
      assertThat(client.daemons()).hasSize(1);
    } finally {
      busy.destroy();
      busy.waitFor();
    }
    Survivors.awaitSleeping(marker, 0);
  }

  /**
   * A daemon that does not take a run (stopped here, as one stuck would be) does not hang its
   * clients: a client that waited for its answer in vain says so and runs in a JVM of its own, and
   * the daemon, once it goes on, serves the next run without having run the one given up.
   */
  @Test
  void aClientOfADaemonThatDoesNotAnswerRunsInAJvmOfItsOwn() throws Exception {
    String folder = echoSuite("stopped").folder().toString();
    ProcessHandle daemon = recordedThenStopped(folder);
    try {
      Run verify = run(client.command("verify", folder, "--out", root.resolve("out").toString()));
      assertThat(verify.exit()).as(verify.err()).isZero();
      assertThat(verify.out()).contains("1 passed");
      assertThat(verify.err())
          .startsWith("parity: the Parity daemon of this context did not answer within 5 s");
    } finally {
      signal("CONT", daemon);
    }
    Run again = run(client.command("verify", folder, "--out", root.resolve("again").toString()));
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).isEmpty();
    assertThat(client.daemons()).containsExactly(daemon);
  }

  /**
   * A stopped daemon whose socket has as many connections waiting as it would queue: a client's
   * connect would wait for it to take one. It does not wait: it starts a daemon of its own in its
   * place (or runs in a JVM of its own).
   */
  @Test
  void aClientOfAStoppedDaemonWithAFullBacklogDoesNotWaitToConnect() throws Exception {
    String folder = echoSuite("backlog").folder().toString();
    ProcessHandle daemon = recordedThenStopped(folder);
    List<SocketChannel> waiting = new ArrayList<>();
    try {
      Path socket;
      try (var files = Files.list(client.folder())) {
        socket = files.filter(f -> f.toString().endsWith(".sock")).findFirst().orElseThrow();
      }
      boolean full = false;
      while (!full && waiting.size() < 1000) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        waiting.add(channel);
        channel.configureBlocking(false);
        try {
          full = !channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (SocketException unavailable) {
          full = true; // EAGAIN: no more connections are queued
        }
      }
      assertThat(full).as("the backlog full after %d connections", waiting.size()).isTrue();
      Run verify = run(client.command("verify", folder, "--out", root.resolve("out").toString()));
      assertThat(verify.exit()).as(verify.err()).isZero();
      assertThat(verify.out()).contains("1 passed");
    } finally {
      for (SocketChannel channel : waiting) {
        channel.close();
      }
      signal("CONT", daemon);
    }
  }

  /** Records the suite in {@code folder} through a daemon, then stops that daemon (SIGSTOP). */
  private ProcessHandle recordedThenStopped(String folder) throws Exception {
    assertThat(run(client.command("record", folder)).exit()).isZero();
    ProcessHandle daemon = client.daemons().get(0);
    signal("STOP", daemon);
    return daemon;
  }

  private static void signal(String name, ProcessHandle process) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    assertThat(kill.waitFor()).as(new String(kill.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void onlyRecordVerifyAndCompareGoToADaemon() throws Exception {
    TempSuite suite = echoSuite("other");
    assertThat(run(client.command("--version")).exit()).isZero();
    assertThat(run(client.command("report", suite.folder().toString())).exit()).isNotZero();
    assertThat(client.daemons()).isEmpty();
  }

  @Test
  void aDaemonFolderOthersMayEnterIsNotUsed() throws Exception {
    TempSuite suite = echoSuite("open");
    Files.createDirectories(client.folder());
    Files.setPosixFilePermissions(client.folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Run record = run(client.command("record", suite.folder().toString()));
    assertThat(record.exit()).as(record.err()).isZero();
    assertThat(client.daemons()).isEmpty();
    try (var files = Files.list(client.folder())) {
      assertThat(files).isEmpty();
    }
  }

  /**
   * Contexts that change at every run (a tool adding a random variable) would leave a daemon per
   * run: past PARITY_DAEMON_MAX live daemons in the folder, a run starts none and runs in a JVM of
   * its own.
   */
  @Test
  void noMoreDaemonsThanTheCapRun() throws Exception {
    TempSuite suite = echoSuite("capped");
    for (int i = 0; i < 4; i++) {
      ProcessBuilder builder =
          client
              .process(client.command("record", suite.folder().toString()))
              .directory(root.toFile());
      builder.environment().put("PARITY_DAEMON_MAX", "2");
      builder.environment().put("CHANGES_AT_EVERY_RUN", Integer.toString(i));
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
      assertThat(builder.start().waitFor()).as("run %d", i).isZero();
    }
    assertThat(client.daemons()).hasSize(2);
  }

  @Test
  void aDaemonCapThatIsNotANumberIsRefusedWithWhatToSet() throws Exception {
    TempSuite suite = echoSuite("badcap");
    for (String cap : List.of("many", "-1", "4x", "99999999999999999999")) {
      ProcessBuilder builder = client.process(client.command("record", suite.folder().toString()));
      builder.environment().put("PARITY_DAEMON_MAX", cap);
      Run record = run(builder);
      assertThat(record.exit()).as(cap).isEqualTo(2);
      assertThat(record.err())
          .isEqualTo(
              "parity: PARITY_DAEMON_MAX="
                  + cap
                  + " is not a number of daemons; set it to a whole number from 0 up (0: no"
                  + " daemon starts) or unset it (4)\n");
    }
    assertThat(client.daemons()).isEmpty();
    assertThat(suite.golden()).doesNotExist();
  }

  @Test
  void aParityDaemonValueOtherThanZeroOrOneIsRefusedByTheScript() throws Exception {
    ProcessBuilder builder =
        client.process(
            List.of(Path.of("../../parity").toAbsolutePath().normalize().toString(), "--version"));
    builder.environment().put("PARITY_DAEMON", "yes");
    Run version = run(builder);
    assertThat(version.exit()).isEqualTo(2);
    assertThat(version.err())
        .isEqualTo(
            "parity: PARITY_DAEMON=yes is neither 1 (run in the resident JVM, docs/daemon.md) nor"
                + " 0; set it to one of them or unset it\n");
  }

  /** A rebuilt jar makes the next runs another context: the idle daemon of the old one ends. */
  @Test
  void aDaemonEndsWhenItsJarChanges() throws Exception {
    TempSuite suite = echoSuite("rebuilt");
    assertThat(run(client.command("record", suite.folder().toString())).exit()).isZero();
    assertThat(client.daemons()).hasSize(1);
    long owner = client.daemons().get(0).pid();
    assertThat(owned(owner)).as("the folders it keeps for later runs").isNotEmpty();
    Files.setLastModifiedTime(
        client.jar(),
        FileTime.fromMillis(Files.getLastModifiedTime(client.jar()).toMillis() + 10_000));
    awaitNoDaemon();
    // It halts, so no exit hook runs: it deleted the run folders it kept itself.
    assertThat(owned(owner)).as("folders of the ended daemon").isEmpty();
  }

  /** The names in the temporary folder and in /dev/shm of what process {@code pid} owns there. */
  private static List<String> owned(long pid) throws IOException {
    List<String> names =
        new ArrayList<>(Trees.ownedBy(Path.of(System.getProperty("java.io.tmpdir")), List.of(pid)));
    names.addAll(Trees.ownedBy(Path.of("/dev/shm"), List.of(pid)));
    return names;
  }

  @Test
  void aRunThatFailsToDecideEndsItsDaemon() throws Exception {
    TempSuite suite = echoSuite("broken");
    assertThat(run(client.command("record", suite.folder().toString())).exit()).isZero();
    assertThat(client.daemons()).hasSize(1);
    Files.writeString(suite.folder().resolve("suite.yaml"), "name: broken\ncases: [\n");
    assertThat(run(client.command("verify", suite.folder().toString())).exit()).isEqualTo(2);
    awaitNoDaemon();
  }

  private record Run(int exit, String out, String err) {
    /** What differs between two runs of the same command: how long it took. */
    Run masked() {
      return new Run(exit, mask(out), mask(err));
    }

    private static String mask(String text) {
      return text.replaceAll("in [0-9.]+m?s\\b", "in (time)");
    }
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    return run(client.process(command));
  }

  private Run run(ProcessBuilder builder) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(root, "out", ".txt");
    Path stderr = Files.createTempFile(root, "err", ".txt");
    Process process =
        builder
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .directory(root.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ended", builder.command()).isTrue();
    return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private Process start(List<String> command) throws IOException {
    return client
        .process(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("parity.log").toFile()))
        .directory(root.toFile())
        .start();
  }

  private static TempSuite contextSuite(Path project) {
    return TempSuite.in(project, "context")
        .suiteYaml(
            "name: context\nlegacy:\n  command: [sh, -c, 'umask; echo \"$MARK\"']\n"
                + "candidate:\n  command: [sh, -c, 'umask; echo \"$MARK\"']\n"
                + "cases:\n  - id: a\n");
  }

  /**
   * Records {@code suite}, named by its path relative to its project folder, from there, with
   * {@code umask} and MARK={@code mark}; returns its golden stdout.
   */
  private String record(TempSuite suite, String umask, String mark) throws Exception {
    String relative = suite.root().relativize(suite.folder()).toString();
    List<String> command = client.command("record", relative, "--update");
    List<String> withUmask =
        new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
    withUmask.addAll(command);
    ProcessBuilder builder = client.process(withUmask).directory(suite.root().toFile());
    builder.environment().put("MARK", mark);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
    assertThat(builder.start().waitFor()).isZero();
    return Files.readString(suite.golden().resolve("a/stdout"));
  }

  private TempSuite echoSuite(String name) {
    return TempSuite.in(root, name)
        .suiteYaml(
            "name: "
                + name
                + "\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                + "cases:\n  - {id: a, args: [x]}\n");
  }

  private TempSuite hangingSuite(String name, String marker) {
    return TempSuite.in(root, name)
        .suiteYaml(
            "name: "
                + name
                + "\nlegacy:\n  command: [echo, same]\n"
                + "candidate:\n  command: [sh, -c, 'if [ -f \"$PARITY_SUITE/hang\" ];"
                + " then sleep "
                + marker
                + "; fi; echo same']\ndefaults:\n  timeout: 5m\ncases:\n  - id: a\n");
  }

  private static Verdict verdict(Path out) throws IOException {
    return VerdictJson.read(out.resolve(VerdictJson.FILE));
  }

  private static void assertStopped(Path out) throws IOException {
    Verdict verdict = verdict(out);
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(verdict.status()).isEqualTo(RunStatus.ERROR);
    assertThat(verdict.error()).hasValueSatisfying(e -> assertThat(e).contains("stopped"));
  }

  /**
   * Waits (generously: its shutdown hooks write the stopped run's reports with an fsync each, which
   * a loaded disk makes slow) until no daemon of this test runs, and shows their threads if one
   * does.
   */
  private void awaitNoDaemon() {
    await()
        .atMost(Duration.ofMillis(3 * Survivors.PATIENCE_MS))
        .untilAsserted(
            () ->
                assertThat(client.daemons())
                    .as(() -> "daemons still running:\n" + client.threadDumps())
                    .isEmpty());
  }
}
