package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.golden.GoldenStore;
import dev.parity.testing.TempSuite;
import dev.parity.testing.Umask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around goldens with the real command line: a second record while one runs, links and
 * read-only folders in golden/, colliding case ids, and the permissions of what is written. The
 * kill -9 test is GoldenCrashIT.
 */
@Timeout(120)
class GoldenFaultTests {
  @TempDir Path root;

  private final List<Process> processes = new ArrayList<>();

  private static String yaml(String legacy, String cases) {
    return "name: s\nlegacy:\n  command: [sh, -c, '"
        + legacy
        + "']\ncandidate:\n  command: [sh, -c, 'echo hi']\ncases:\n"
        + cases;
  }

  @Test
  void aSecondRecordWhileOneRunsIsRefusedWithTheHoldersPidAndTheLockFile() throws Exception {
    Path started = root.resolve("started");
    Path go = root.resolve("go");
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                yaml(
                    "touch \"$STARTED\"; while [ ! -f \"$GO\" ]; do sleep 0.05; done; echo hi",
                    "  - id: a\n    env: {STARTED: '" + started + "', GO: '" + go + "'}\n"));
    Process first = startParity("record", "--runs", "1", suite.folder().toString());
    try {
      awaitFile(started, first);

      Cli second = Cli.run("record", "--update", suite.folder().toString());

      Path lockFile = suite.golden().resolve(".parity.lock");
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err())
          .isEqualTo(
              "parity: cannot write the goldens: "
                  + suite.golden()
                  + ": the goldens are being written by another parity process (pid "
                  + first.pid()
                  + "), which holds the lock file "
                  + lockFile
                  + "; wait until that `parity record` ends and run again (the lock is released"
                  + " when its process ends, even if it is killed)\n");
      Files.createFile(go);
      assertThat(first.waitFor()).isZero();
      assertThat(suite.golden().resolve("a/stdout")).hasContent("hi");
      assertThat(lockFile).doesNotExist();
    } finally {
      first.destroyForcibly();
    }
  }

  @Test
  void twoRecordUpdatesAtOnceNeverMixTheirGoldens() throws Exception {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      cases.append("  - id: c").append(i).append("\n    args: [c").append(i).append("]\n");
    }
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'echo \"$RUN $1\"; echo \"$RUN\" >&2', sh]\n"
                    + "candidate:\n  command: [sh, -c, 'true']\ncases:\n"
                    + cases);
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();

    Process a =
        startParity(
            Map.of("RUN", "A"), "record", "--update", "--runs", "1", suite.folder().toString());
    Process b =
        startParity(
            Map.of("RUN", "B"), "record", "--update", "--runs", "1", suite.folder().toString());
    int exitA = a.waitFor();
    int exitB = b.waitFor();
    String outA = log(a);
    String outB = log(b);

    assertThat(List.of(exitA, exitB))
        .as(outA + outB)
        .containsAnyOf(0)
        .allMatch(e -> e == 0 || e == 2);
    for (String out : List.of(exitA == 2 ? outA : "", exitB == 2 ? outB : "")) {
      if (!out.isEmpty()) {
        assertThat(out).contains("the goldens are being written by another parity process (pid ");
      }
    }
    GoldenStore store = new GoldenStore(suite.golden());
    Set<String> runs = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String stdout =
          new String(
              store.read("c" + i).orElseThrow().stream("stdout").orElseThrow(),
              StandardCharsets.UTF_8);
      String run = stdout.substring(0, 1);
      assertThat(stdout).isEqualTo(run + " c" + i + "\n");
      runs.add(run);
    }
    assertThat(runs).as("every golden from the one run that wrote last").hasSize(1);
    assertThat(runs.iterator().next().equals("A") ? exitA : exitB).isZero();
  }

  @Test
  void aSymlinkedCaseFolderIsRefusedAndNothingOutsideIsWritten() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("stdout"), "precious");
    TempSuite suite = TempSuite.in(root, "s").suiteYaml(yaml("echo hi", "  - id: a\n"));
    Files.createDirectories(suite.golden());
    Files.createSymbolicLink(suite.golden().resolve("a"), outside);

    Cli record = Cli.run("record", "--update", suite.folder().toString());

    assertThat(record.exitCode()).isEqualTo(2);
    assertThat(record.err())
        .startsWith(
            "parity: cannot write the goldens: "
                + suite.golden().resolve("a")
                + ": is a symbolic link (to "
                + outside
                + "); parity never writes goldens through a link");
    assertThat(outside.resolve("stdout")).hasContent("precious");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).containsExactly(outside.resolve("stdout"));
    }
  }

  @Test
  void aReadOnlyGoldenFolderSaysPermissionDeniedWithTheFolderAndTheFix() throws Exception {
    TempSuite suite = TempSuite.in(root, "s").suiteYaml(yaml("echo hi", "  - id: a\n"));
    Path golden = Files.createDirectories(suite.golden());
    ReadOnly readOnly = ReadOnly.make(golden);
    try {
      Cli record = Cli.run("record", suite.folder().toString());

      assertThat(record.exitCode()).isEqualTo(2);
      assertThat(record.err())
          .isEqualTo(
              "parity: cannot write the goldens: "
                  + golden
                  + ": permission denied: cannot write goldens in this folder (writing"
                  + " .parity.lock); make the golden folder writable (e.g. `chmod -R u+w "
                  + golden
                  + "`) or record into another folder with --golden DIR\n");
    } finally {
      readOnly.undo();
    }
  }

  @Test
  void caseIdsWhoseGoldensCollideAreAConfigurationError() {
    TempSuite suite =
        TempSuite.in(root, "s").suiteYaml(yaml("echo hi", "  - id: a\n  - id: a/stdout\n"));

    Cli record = Cli.run("record", suite.folder().toString());

    assertThat(record.exitCode()).isEqualTo(2);
    assertThat(record.err())
        .startsWith(
            "parity: configuration error: "
                + suite.folder().resolve("suite.yaml")
                + ":8:9: case ids [a/stdout] and [a] (at ");
    assertThat(suite.golden()).doesNotExist();
  }

  @Test
  void verifyNeverPassesACaseAgainstAnotherCasesGoldenLinkedOrCopiedIntoItsFolder()
      throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'echo \"$1\"', sh]\n"
                    + "candidate:\n  command: [sh, -c, 'echo a', sh]\ncases:\n"
                    + "  - id: a\n    args: [a]\n  - id: b\n    args: [b]\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    assertThat(Cli.run("verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    Path b = suite.golden().resolve("b");
    for (String file : List.of("meta.yaml", "stdout", "stderr")) {
      Files.delete(b.resolve(file));
    }
    Files.delete(b);
    Files.createSymbolicLink(b, Path.of("a"));

    Cli linked = Cli.run("verify", suite.folder().toString());

    assertThat(linked.exitCode()).as(linked.out()).isEqualTo(2);
    assertThat(linked.err())
        .startsWith("parity: cannot read the goldens: " + b + ": is a symbolic");

    Files.delete(b);
    Files.createDirectory(b);
    for (String file : List.of("meta.yaml", "stdout", "stderr")) {
      Files.copy(suite.golden().resolve("a").resolve(file), b.resolve(file));
    }

    Cli copied = Cli.run("verify", suite.folder().toString());

    assertThat(copied.exitCode()).as(copied.out()).isEqualTo(1);
    assertThat(copied.out()).contains("the golden is not case [b]'s: its meta.yaml says `id: a`");
  }

  @Test
  void verifyRefusesACaseFolderLinkedToTheCandidatesOwnPendingResultInsteadOfPassingIt()
      throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'echo legacy']\n"
                    + "candidate:\n  command: [sh, -c, 'echo candidate']\ncases:\n  - id: a\n");
    assertThat(Cli.run("record", "--runs", "1", suite.folder().toString()).exitCode()).isZero();
    assertThat(Cli.inCi("verify", suite.folder().toString()).exitCode()).isEqualTo(1);
    Path candidate = suite.reports().resolve("pending/a/candidate");
    assertThat(candidate.resolve("meta.yaml")).content().contains("id: a");
    Path a = suite.golden().resolve("a");
    for (String file : List.of("meta.yaml", "stdout", "stderr")) {
      Files.delete(a.resolve(file));
    }
    Files.delete(a);
    Files.createSymbolicLink(a, candidate);

    Cli verify = Cli.run("verify", suite.folder().toString());

    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(2);
    assertThat(verify.err())
        .isEqualTo(
            "parity: cannot read the goldens: "
                + a
                + ": is a symbolic link (to "
                + candidate
                + "); parity never reads a golden, an accepted difference or a pending result"
                + " through a link, which could compare the candidate with another output, even"
                + " its own; replace it with a real folder or file (e.g. `rm` the link and run"
                + " again)\n");
    assertThat(suite.reports().resolve("verdict.json"))
        .content()
        .contains("\"decision\" : \"legacy\"");
  }

  @Test
  void goldensAndReportsAreReadableByGroupAndOthersUnderTheUmask() throws Exception {
    Umask.requireGroupAndOthersMayRead();
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                yaml(
                    "mkdir -p out; echo hi | tee out/r.txt",
                    "  - id: a/b\n    outputs: [out/r.txt]\n"));

    assertThat(Cli.run("record", suite.folder().toString()).exitCode()).isZero();

    List<Path> written;
    try (Stream<Path> golden = Files.walk(suite.golden());
        Stream<Path> reports = Files.walk(suite.reports())) {
      written = Stream.concat(golden, reports).toList();
    }
    assertThat(written).contains(suite.golden().resolve("a/b/files/out/r.txt"));
    assertThat(written).contains(suite.reports().resolve("verdict.json"));
    for (Path path : written) {
      assertThat(Files.getPosixFilePermissions(path))
          .as(path.toString())
          .contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
  }

  private Process startParity(String... args) throws IOException {
    return startParity(Map.of(), args);
  }

  /** Starts the CLI in its own JVM; what it prints goes to {@link #log}. */
  private Process startParity(Map<String, String> env, String... args) throws IOException {
    List<String> command = ParityJvm.command(args);
    ProcessBuilder builder =
        ParityJvm.process(command)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("parity-" + processes.size() + ".log").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private String log(Process process) throws IOException {
    return Files.readString(root.resolve("parity-" + processes.indexOf(process) + ".log"));
  }

  private static void awaitFile(Path file, Process process) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!Files.exists(file) && process.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(file).as("the first record's legacy started").exists();
  }

  /** A folder nobody may write: mode 0555, or for root (which ignores modes) the immutable flag. */
  private record ReadOnly(Path folder, boolean immutable) {
    static ReadOnly make(Path folder) throws Exception {
      if (!"root".equals(System.getProperty("user.name"))) {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        return new ReadOnly(folder, false);
      }
      Process chattr = new ProcessBuilder("chattr", "+i", folder.toString()).start();
      Assumptions.assumeTrue(
          chattr.waitFor() == 0, "running as root and chattr +i is not possible here");
      return new ReadOnly(folder, true);
    }

    void undo() throws Exception {
      if (immutable) {
        new ProcessBuilder("chattr", "-i", folder.toString()).start().waitFor();
      } else {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }
}
