package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.run.SpoolException;
import dev.parity.testing.TempSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite whose outputs do not fit in the disk space left (simulated: the store is told 1000 bytes
 * are free, or the spool writes to /dev/full) stops the run with the case and the size, and nothing
 * half-written.
 */
class OutOfSpaceTests {
  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(1000), new ObservationComparator(), Progress.NONE);

  @Test
  void aGoldenLargerThanTheFreeSpaceStopsTheRecordNamingTheCaseAndItsSize() throws Exception {
    Suite suite =
        new SuiteLoader()
            .load(
                TempSuite.in(root, "s")
                    .suiteYaml(
                        "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                            + "cases:\n  - id: big/one\n    args: ['head -c 5000 /dev/zero']\n")
                    .folder());
    Path folder = root.resolve("golden/s");
    GoldenStore goldens = new GoldenStore(folder, dir -> 1000);

    assertThatThrownBy(() -> engine.record(suite, goldens, RunOptions.defaults()))
        .isInstanceOfSatisfying(GoldenException.class, e -> assertThat(e.stopsTheRun()).isTrue())
        .hasMessageContaining("no space for the golden of case [big/one]")
        .hasMessageContaining("its outputs are 5000 bytes")
        .hasMessageContaining("1000 bytes are free")
        .hasMessageContaining("nothing of this case's golden was replaced");
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.filter(Files::isRegularFile).map(folder::relativize))
          .allMatch(p -> p.getFileName().toString().startsWith(".parity"), "only the lock file");
    }
    assertThat(folder.resolve("big/one")).doesNotExist();
  }

  @Test
  void anOutputTheSpoolCannotHoldStopsTheRunInsteadOfFailingTheCase() throws Exception {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "needs /dev/full, whose writes fail with ENOSPC");
    Suite suite =
        new SuiteLoader()
            .load(
                TempSuite.in(root, "s")
                    .suiteYaml(
                        "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\n"
                            + "cases:\n  - id: big/one\n    args: ['head -c 5000 /dev/zero']\n"
                            + "  - id: small\n    args: ['echo hi']\n")
                    .folder());
    Path spool = Files.createDirectory(root.resolve("spool"));
    // Every spool file is a link to /dev/full: the kernel's own "No space left on device".
    Engine onAFullDisk =
        new Engine(
            new CommandRunner(
                1000,
                (caseId, stream) ->
                    Files.createSymbolicLink(
                        spool.resolve(caseId.replace('/', '_') + "-" + stream), full)),
            new ObservationComparator(),
            Progress.NONE);

    // Not a failing case (exit 1, as if the candidate differed) but the run's own error (exit 2).
    assertThatThrownBy(() -> onAFullDisk.compare(suite, RunOptions.defaults()))
        .isInstanceOf(SpoolException.class)
        .hasMessageContaining("cannot keep stdout of case [big/one] on disk")
        .hasMessageContaining("No space left on device");
  }
}
