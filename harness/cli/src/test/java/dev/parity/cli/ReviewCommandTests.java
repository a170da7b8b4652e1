package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Side;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingStore;
import dev.parity.run.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code parity review} does where it must not start: no terminal, or in CI. */
class ReviewCommandTests {
  @TempDir Path root;

  private Path suiteWithOnePending() throws Exception {
    Path suite = Files.createDirectories(root.resolve("fixtures/s"));
    Files.writeString(
        suite.resolve("suite.yaml"),
        "name: s\nlegacy:\n  command: [sh, -c]\ncandidate:\n  command: [sh, -c]\ncases:\n"
            + "  - id: a\n    args: ['echo a']\n");
    new PendingStore(root.resolve("reports/s"))
        .write(
            "a",
            Side.LEGACY,
            Observation.ofCommand(
                0, "a\n".getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO),
            PendingInfo.of("s", PendingInfo.Source.RECORD, "record", Instant.now()));
    return suite;
  }

  @Test
  void refusesWithoutATerminalAndPointsToAccept() throws Exception {
    Path suite = suiteWithOnePending();

    // Tests run with their output piped: there is no console.
    Cli cli = Cli.run("review", suite.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("needs an interactive terminal").contains("parity accept");
    assertThat(new PendingStore(root.resolve("reports/s")).list()).hasSize(1);
  }

  @Test
  void refusesInCiUnlessForced() throws Exception {
    Path suite = suiteWithOnePending();

    Cli ci = Cli.inCi("review", suite.toString());

    assertThat(ci.exitCode()).isEqualTo(2);
    assertThat(ci.err()).contains("review writes goldens").contains("--force");
    assertThat(new PendingStore(root.resolve("reports/s")).list()).hasSize(1);
  }
}
