package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite whose outputs do not fit in the disk space left (simulated: the store is told 1000 bytes
 * are free) stops the record with the case and the size, and nothing half-written.
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
}
