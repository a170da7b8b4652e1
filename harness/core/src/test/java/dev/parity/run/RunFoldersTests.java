package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder is used again only when nothing tells it from a new one ({@link RunFolders}): no run
 * ever sees what an earlier one left in, next to, or instead of its working folder.
 */
class RunFoldersTests {
  @TempDir Path root;
  @TempDir Path outside;

  private Suite suite;

  @BeforeEach
  void onlyWithTheLauncher() {
    // Without it a run's end does not prove its tree gone, and no folder is kept.
    assumeTrue(Launcher.get().isPresent(), "the launcher runs here");
  }

  /** Runs {@code script} with sh in a case of its own and returns its stdout. */
  private String run(String script) {
    return run(script, "20s");
  }

  private String run(String script, String timeout) {
    suite =
        new SuiteLoader()
            .load(
                TempSuite.in(root, "s" + System.nanoTime())
                    .suiteYaml(
                        "name: s\nlegacy: {command: [sh, -c]}\ncandidate: {command: [sh, -c]}\n"
                            + "defaults: {timeout: "
                            + timeout
                            + "}\ncases:\n  - id: a\n    args: ['"
                            + script.replace("'", "''")
                            + "']\n")
                    .folder());
    RunOutcome outcome =
        new CommandRunner().run(suite, suite.legacy(), suite.find("a").orElseThrow());
    return outcome
        .observation()
        .flatMap(o -> o.stream(Observation.STDOUT))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .orElse("(no observation: " + outcome + ")");
  }

  @Test
  void aRunThatLeftNothingHandsItsFolderToTheNextRunEmpty() {
    String first = run("pwd; ls -A; stat -c %a .");
    String second = run("pwd; ls -A; stat -c %a .");

    assertThat(second).isEqualTo(first);
    assertThat(first.lines().toList()).hasSize(2).first().asString().endsWith("/work");
  }

  @Test
  void whatARunLeftInItsWorkingFolderIsNeverSeenByALaterRun() {
    String first = run("pwd; touch left; mkdir -p d/e && echo x > d/e/f");
    String second = run("pwd; ls -A");

    assertThat(second.lines().toList()).hasSize(1).doesNotContain(first.strip());
    assertThat(Path.of(first.strip()).getParent()).doesNotExist();
  }

  @Test
  void whatARunWroteNextToItsWorkingFolderIsNeverSeenByALaterRun() {
    String first = run("pwd; echo x > ../extra");
    String second = run("pwd; ls -A ..");

    assertThat(second).doesNotContain("extra").doesNotContain(first.strip());
    assertThat(Path.of(first.strip()).getParent()).doesNotExist();
  }

  @Test
  void aWorkingFolderReplacedByALinkIsNeitherUsedNorFollowed() throws Exception {
    Path marker = Files.writeString(outside.resolve("marker"), "mine");

    String first = run("pwd; cd .. && rm -rf work && ln -s '" + outside + "' work");
    String second = run("pwd -P; ls -A");

    assertThat(second.lines().toList()).hasSize(1);
    assertThat(second.strip()).isNotEqualTo(first.strip()).doesNotStartWith(outside.toString());
    assertThat(marker).hasContent("mine");
    assertThat(Path.of(first.strip()).getParent()).doesNotExist();
  }

  @Test
  void aWorkingFolderReplacedByAnotherOfTheSameNameIsNotUsedAgain() {
    String first = run("pwd; cd .. && rm -rf work && mkdir work");
    String second = run("pwd");

    assertThat(second).isNotEqualTo(first);
    assertThat(Path.of(first.strip()).getParent()).doesNotExist();
  }

  @Test
  void aWorkingFolderWhoseModeChangedIsNotUsedAgain() {
    String fresh = run("stat -c %a .");
    String first = run("pwd; chmod 0777 .");
    String second = run("pwd; stat -c %a .");

    assertThat(second.lines().toList())
        .containsExactly(second.lines().findFirst().orElseThrow(), fresh.strip())
        .doesNotContain(first.strip());
  }

  @Test
  void aWorkingFolderGivenAUserAttributeIsNotUsedAgain() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 sets the attribute");
    String first =
        run("pwd; python3 -c \"import os; os.setxattr('.', 'user.parity', b'1')\" && echo set");
    assumeTrue(first.contains("set"), "this file system keeps user attributes");
    String second = run("pwd");

    assertThat(second.strip()).isNotEqualTo(first.lines().findFirst().orElseThrow());
  }

  @Test
  void theLaunchersStatusIsAPrivateFileOnTheMemoryFileSystemDeletedAfterTheRun() throws Exception {
    assumeTrue(StatusFiles.next().isPresent(), "/dev/shm is a tmpfs here");

    // The launcher is the program's parent; its first argument is the status file.
    Path status = Path.of(run("tr '\\0' '\\n' < /proc/$PPID/cmdline | sed -n 2p").strip());

    assertThat(status.toString())
        .startsWith("/dev/shm/parity-" + ProcessHandle.current().pid() + "-status-");
    assertThat(status).doesNotExist();
    assertThat(Files.getPosixFilePermissions(status.getParent()))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void aRunThatDidNotEndByItselfLeavesNoFolderForALaterRun() throws Exception {
    Path where = outside.resolve("where");
    String first = run("pwd > '" + where + "'; exec sleep 30", "1s");

    assertThat(first).startsWith("(no observation");
    Path workdir = Path.of(Files.readString(where).strip());
    assertThat(workdir.getParent()).doesNotExist();
    assertThat(run("pwd").strip()).isNotEqualTo(workdir.toString());
  }
}
