package dev.parity.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run copies regular files and folders only, within the case timeout and the output cap, even
 * when the suite folder changed after it was loaded (a FIFO or a link to /dev/zero appeared).
 */
@Timeout(120)
class InputsTests {
  @TempDir Path root;

  private TempSuite folder(String caseYaml) {
    return TempSuite.in(root, "s")
        .suiteYaml(
            "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\ncases:\n"
                + "  - id: a\n"
                + caseYaml)
        .file("data/dir/ok.txt", "ok\n");
  }

  private static RunOutcome run(CommandRunner runner, TempSuite folder) {
    Suite suite = new SuiteLoader().load(folder.folder());
    Case testCase = suite.find("a").orElseThrow();
    return runner.run(suite, suite.legacy(), testCase);
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
  }

  private static void assertFailed(RunOutcome outcome, String reason) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo(reason));
  }

  @Test
  void aFifoThatAppearedAfterLoadingIsRefusedNotOpened() throws Exception {
    TempSuite folder = folder("    files: [data/dir]\n    args: ['cat data/dir/*']\n");
    Suite suite = new SuiteLoader().load(folder.folder());
    mkfifo(folder.folder().resolve("data/dir/pipe"));

    RunOutcome outcome =
        new CommandRunner().run(suite, suite.legacy(), suite.find("a").orElseThrow());

    assertFailed(
        outcome,
        "input [data/dir/pipe] is not a regular file or folder (a FIFO, device or socket);"
            + " [files] copies regular files and folders only");
  }

  @Test
  void aLinkToDevZeroThatAppearedAfterLoadingIsRefused() throws Exception {
    TempSuite folder = folder("    files: [data/dir]\n    args: ['cat data/dir/*']\n");
    Suite suite = new SuiteLoader().load(folder.folder());
    Files.createSymbolicLink(folder.folder().resolve("data/dir/zero"), Path.of("/dev/zero"));

    RunOutcome outcome =
        new CommandRunner().run(suite, suite.legacy(), suite.find("a").orElseThrow());

    assertFailed(
        outcome,
        "input [data/dir/zero] is a symbolic link that leads outside the suite folder; copy the"
            + " file into the suite instead");
  }

  @Test
  void aLinkToARegularFileOfTheSuiteIsCopiedAsThatFile() throws Exception {
    TempSuite folder =
        folder(
                "    files: [data/dir]\n"
                    + "    args: ['test ! -L data/dir/common.txt && cat data/dir/common.txt']\n")
            .file("shared/common.txt", "common\n");
    Files.createSymbolicLink(
        folder.folder().resolve("data/dir/common.txt"), Path.of("../../shared/common.txt"));

    RunOutcome outcome = run(new CommandRunner(), folder);

    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    Observation observation = outcome.observation().orElseThrow();
    assertThat(new String(observation.stream("stdout").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("common\n");
  }

  @Test
  void inputsBeyondTheOutputCapFailTheRun() {
    TempSuite folder =
        folder("    files: [data/big.bin]\n    args: ['true']\n")
            .bytes("data/big.bin", new byte[5000]);

    RunOutcome outcome = run(new CommandRunner(1000), folder);

    assertFailed(
        outcome,
        "the inputs exceed the limit of 1000 bytes (at [data/big.bin]); Parity copies at most that"
            + " much per run");
  }

  @Test
  void copyingTheInputsCountsAgainstTheCaseTimeout() {
    TempSuite folder =
        folder("    timeout: 1ms\n    files: [data/big.bin]\n    args: ['true']\n")
            .bytes("data/big.bin", new byte[32 * 1024 * 1024]);

    RunOutcome outcome = run(new CommandRunner(), folder);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class,
            f ->
                assertThat(f.reason())
                    .startsWith("the case timed out while copying its inputs (at [data/big.bin], ")
                    .endsWith(" bytes copied); raise [timeout] if the inputs are just big"));
  }

  @Test
  void anInputThatVanishedAfterLoadingFailsTheRunNotTheImplementation() throws Exception {
    TempSuite folder = folder("    files: [data/dir/ok.txt]\n    args: ['true']\n");
    Suite suite = new SuiteLoader().load(folder.folder());
    Path input = folder.folder().resolve("data/dir/ok.txt");
    Files.delete(input);

    RunOutcome outcome =
        new CommandRunner().run(suite, suite.legacy(), suite.find("a").orElseThrow());

    assertFailed(
        outcome,
        "cannot copy input [data/dir/ok.txt]: java.nio.file.NoSuchFileException: " + input);
  }
}
