package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.run.Spool;
import dev.parity.testing.Repository;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI on a disk that is really full: a small tmpfs mounted in a private mount
 * namespace ({@code unshare -m}, which needs root; skipped with the reason elsewhere), so that the
 * kernel itself answers "No space left on device". A spool or a golden that does not fit is the
 * run's own error (exit 2, naming the folder and the fix), never a failing case (exit 1).
 */
@Timeout(300)
class DiskFullIT {
  @TempDir Path root;
  private Path disk;

  @BeforeEach
  void aMountPointForASmallDisk() throws Exception {
    disk = Files.createDirectory(root.resolve("disk"));
    Process probe =
        new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", mount("64k"))
            .redirectErrorStream(true)
            .start();
    String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeTrue(
        probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "needs unshare -m and mount -t tmpfs (root): " + said);
  }

  private String mount(String size) {
    return "mount -t tmpfs -o size=" + size + " tmpfs '" + disk + "'";
  }

  @Test
  void anOutputTheSpoolCannotHoldStopsTheRunWithExit2NamingTheFolderAndTheFix() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'head -c 300000 /dev/zero']\n"
                    + "candidate:\n  command: [sh, -c, 'head -c 300000 /dev/zero']\n"
                    + "cases:\n  - id: big\n");
    // An earlier run's folder: its reports are replaced by ones that say this run failed.
    Path out = Files.createDirectory(root.resolve("out"));

    // Outputs over 64 KiB go to the spool, in the JVM's temporary folder: a disk of 128 KiB.
    Result run =
        parity(
            "128k",
            List.of("-Djava.io.tmpdir=" + disk, "-D" + Spool.LIMIT_PROPERTY + "=65536"),
            "compare",
            suite.folder().toString(),
            "--runs",
            "1",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output())
        .contains("parity: cannot keep an output on disk: cannot keep stdout of case [big] on disk")
        .contains("could not be written in " + disk + "/parity-")
        .contains("No space left on device")
        .contains("PARITY_JAVA_OPTS=-Djava.io.tmpdir=")
        .doesNotContain("internal error")
        .doesNotContain("\tat ");
    assertThat(out.resolve("verdict.json")).content().contains("\"status\" : \"error\"");
  }

  @Test
  void aGoldenTheDiskCannotHoldWhileItIsWrittenStopsTheRecordWithExit2() throws Exception {
    Path golden = disk.resolve("golden");
    // The output is as large as the space left, so it passes the check before writing and the
    // disk fills up while the golden is written (its stdout takes every page, meta.yaml finds
    // none).
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'head -c $(( $(df --output=avail -B1 \""
                    + disk
                    + "\" | tail -n 1) - 100 )) /dev/zero']\n"
                    + "candidate:\n  command: [sh, -c, 'echo hi']\ncases:\n  - id: big\n");

    Result run =
        parity(
            "64k",
            List.of(),
            "record",
            suite.folder().toString(),
            "--runs",
            "1",
            "--golden",
            golden.toString(),
            "--out",
            root.resolve("out").toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output())
        .contains("parity: cannot write the goldens: " + golden)
        .contains("no space for the golden of case [big]")
        .contains("No space left on device")
        .contains("nothing of this case's golden was replaced")
        .contains("free disk space there")
        .doesNotContain("\tat ");
    assertThat(run.goldenCaseLeft()).as(run.output()).isEqualTo("none");
  }

  private record Result(int exitCode, String output, String goldenCaseLeft) {}

  /**
   * Runs the packaged CLI with {@code args} while a tmpfs of {@code size} is mounted on the disk
   * folder (the mount lives only as long as the run's namespace); then says whether the golden
   * folder of case big is there.
   */
  private Result parity(String size, List<String> jvm, String... args) throws Exception {
    Path jar = Repository.root().resolve("harness/cli/target/parity.jar");
    assertThat(jar).as("the packaged jar").isRegularFile();
    Path log = root.resolve("parity.log");
    Path left = root.resolve("left");
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                "code=99; "
                    + mount(size)
                    + " && { \"$@\"; code=$?; }; if [ -e '"
                    + disk
                    + "/golden/big' ]; then echo there; else echo none; fi > '"
                    + left
                    + "'; exit $code",
                "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove(CiEnvironment.VARIABLE);
    Process process = builder.start();
    assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("parity finished").isTrue();
    return new Result(process.exitValue(), Files.readString(log), read(left));
  }

  private static String read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file).strip() : "not checked";
  }
}
