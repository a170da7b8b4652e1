package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code PARITY_DAEMON=1} (docs/daemon.md): what a JVM started by the client would inherit and the
 * daemon's JVM might not is part of the context, so that a run whose JVM would differ gets a daemon
 * of its own, or none.
 */
class DaemonContextTests extends DaemonTestCase {
  /** The suite's folder, relative to its project's. */
  private static final String SUITE = "fixtures/suite";

  /**
   * A program that prints whether the JVM above it is a daemon (its pattern does not match itself
   * in the command line of the launcher between them).
   */
  static final String JVM_KIND =
      "p=$PPID; while [ \"$p\" -gt 1 ]; do"
          + " if tr \"\\0\" \" \" </proc/$p/cmdline | grep -q \"parity[.]daemon=\"; then echo daemon; exit; fi;"
          + " p=$(sed -n \"s/^PPid:[[:space:]]*//p\" /proc/$p/status); done; echo direct";

  /**
   * Programs inherit the no-new-privileges flag and the OOM score of the JVM that starts them: a
   * client started under {@code setpriv --no-new-privs} or {@code choom} is another context.
   */
  @Test
  void theProcessAttributesProgramsInheritAreTheContexts() throws Exception {
    Path project = root.resolve("project");
    TempSuite suite =
        legacyRuns(project, "grep NoNewPrivs /proc/self/status; cat /proc/self/oom_score_adj");
    assertThat(run(project, List.of(), "record", SUITE)).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("NoNewPrivs:\t0\n0\n");
    assertThat(run(project, List.of("setpriv", "--no-new-privs"), "record", SUITE, "--update"))
        .isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("NoNewPrivs:\t1\n0\n");
    assertThat(run(project, List.of("choom", "-n", "100", "--"), "record", SUITE, "--update"))
        .isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("NoNewPrivs:\t0\n100\n");
  }

  /**
   * The {@code java} the client would run is the one its PATH names now: replaced (a JDK updated in
   * place), it is another context.
   */
  @Test
  void aJavaReplacedAtItsPathIsAnotherContext() throws Exception {
    Path project = root.resolve("project");
    TempSuite suite = legacyRuns(project, "echo \"$JAVA_MARK\"");
    Path bin = Files.createDirectories(root.resolve("bin"));
    javaMarking(bin, "old");
    assertThat(run(project, bin, "record", SUITE)).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("old\n");
    javaMarking(bin, "new");
    assertThat(run(project, bin, "record", SUITE, "--update")).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("new\n");
  }

  /**
   * With standard input, output or error closed, the client's socket would take its descriptor, and
   * what the run prints there would go back to the daemon as frames: such a run goes to a JVM of
   * its own, as the script would start it.
   */
  @Test
  void aClientWithAStandardStreamClosedRunsItsOwnJvm() throws Exception {
    Path project = root.resolve("project");
    TempSuite suite = legacyRuns(project, JVM_KIND);
    assertThat(run(project, List.of(), "record", SUITE)).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("daemon\n");
    for (String closed : List.of(">&-", "2>&-", "<&-")) {
      List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" " + closed, "sh"));
      command.addAll(client.command("record", SUITE, "--update"));
      assertThat(exitOf(client.process(command).directory(project.toFile()))).as(closed).isZero();
      assertThat(suite.golden().resolve("a/stdout")).as(closed).hasContent("direct\n");
    }
  }

  /**
   * The daemon's JVM installed the program launcher in the cache folder once: removed there (a
   * cache cleaned between builds), the next run installs it again, as a JVM of its own would.
   */
  @Test
  void aLauncherRemovedFromTheCacheIsInstalledAgain() throws Exception {
    Path project = root.resolve("project");
    TempSuite.in(project, "suite")
        .suiteYaml(
            "name: suite\nlegacy:\n  command: [echo, same]\ncandidate:\n  command: [echo, same]\n"
                + "cases:\n  - id: a\n");
    List<String> cached = List.of("env", "XDG_CACHE_HOME=" + root.resolve("cache"));
    assertThat(run(project, cached, "record", SUITE)).isZero();
    List<Path> launchers;
    try (Stream<Path> files = Files.list(root.resolve("cache/parity"))) {
      launchers =
          files.filter(f -> f.getFileName().toString().startsWith("parity-launch-")).toList();
    }
    assertThat(launchers).hasSize(1);
    Files.delete(launchers.get(0));
    assertThat(run(project, cached, "verify", SUITE)).isZero();
    assertThat(client.daemons()).hasSize(1);
  }

  /**
   * A limit on CPU time counts a process's whole life: a daemon reaches it after enough runs, where
   * each JVM of its own would start from nothing. Under such a limit runs go to JVMs of their own.
   */
  @Test
  void aLimitOnCpuTimeRunsItsOwnJvm() throws Exception {
    Path project = root.resolve("project");
    TempSuite suite = legacyRuns(project, JVM_KIND);
    List<String> limited = List.of("prlimit", "--cpu=100000:100000", "--");
    assertThat(run(project, limited, "record", SUITE)).isZero();
    assertThat(suite.golden().resolve("a/stdout")).hasContent("direct\n");
  }

  /**
   * An argument that names the process's own files ({@code /dev/stdin}, the {@code /dev/fd/63} of a
   * process substitution, {@code /proc/self/...}) would name the daemon's there: such a run goes to
   * a JVM of its own.
   */
  @Test
  void anArgumentNamingTheProcesssOwnFilesRunsItsOwnJvm() throws Exception {
    Path project = root.resolve("project");
    TempSuite.in(project, "suite")
        .suiteYaml(
            "name: suite\nlegacy:\n  command: [echo, same]\ncandidate:\n  command: [echo, same]\n"
                + "cases:\n  - id: a\n");
    assertThat(run(project, List.of(), "record", SUITE)).isZero();
    assertThat(run(project, List.of(), "verify", SUITE)).isZero();
    Path verdict =
        Files.copy(project.resolve("reports/suite/verdict.json"), root.resolve("v.json"));
    List<String> command =
        client.command("verify", SUITE, "--shard", "1/1", "--timings", "/dev/stdin");
    ProcessBuilder builder = client.process(command).directory(project.toFile());
    assertThat(exitOf(builder.redirectInput(verdict.toFile()))).isZero();
  }

  /** A {@code java} in {@code bin} that sets JAVA_MARK={@code mark} and runs the real one. */
  private static void javaMarking(Path bin, String mark) throws IOException {
    Path java = bin.resolve("java");
    Path written = bin.resolve("java.new");
    Files.writeString(
        written,
        "#!/bin/sh\nJAVA_MARK="
            + mark
            + " exec "
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + " \"$@\"\n");
    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rwx------"));
    Files.move(written, java, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Runs {@code parity args} through the client from {@code project}, started by {@code prefix}.
   */
  private int run(Path project, List<String> prefix, String... args) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(client.command(args));
    return exitOf(client.process(command).directory(project.toFile()));
  }

  /** Runs {@code parity args} through the client from {@code project}, with {@code bin/java}. */
  private int run(Path project, Path bin, String... args) throws Exception {
    List<String> command = new ArrayList<>(client.command(args));
    command.set(command.indexOf(DaemonClient.javaPath()), "java");
    ProcessBuilder builder = client.process(command).directory(project.toFile());
    builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
    return exitOf(builder);
  }

  private int exitOf(ProcessBuilder builder) throws Exception {
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("parity.log").toFile()))
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  /**
   * A suite "suite" in {@code project} whose legacy runs the shell script {@code script} (and whose
   * candidate is {@code echo}), one case.
   */
  private static TempSuite legacyRuns(Path project, String script) {
    return TempSuite.in(project, "suite")
        .suiteYaml(
            "name: suite\nlegacy:\n  command: [sh, -c, '"
                + script.replace("'", "''")
                + "']\ncandidate:\n  command: [echo]\ncases:\n  - id: a\n");
  }
}
