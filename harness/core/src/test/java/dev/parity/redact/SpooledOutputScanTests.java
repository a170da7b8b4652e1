package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.run.Observation;
import dev.parity.run.OutputScan;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.run.Spool;
import dev.parity.run.Spooled;
import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spooled output is scanned for secrets while it is written; the redaction pass over its file is
 * skipped only when that scan saw every byte of it and found nothing a rule could change.
 */
class SpooledOutputScanTests {
  private static final String CLEAN = "record 00000001 value=0000000000007919\n".repeat(2_000);
  private static final String SECRET =
      CLEAN.substring(0, CLEAN.length() - "password=hunter2\n".length()) + "password=hunter2\n";

  @TempDir Path root;

  private Suite suite(String command) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, '"
                    + command
                    + "']\ncandidate:\n  command: [sh]\ncases:\n  - id: a\n");
    return new SuiteLoader().load(folder.folder());
  }

  private static String stdout(RunOutcome outcome) throws Exception {
    Observation observed = outcome.observation().orElseThrow();
    Spooled spooled = observed.spooled().get(Observation.STDOUT);
    assertThat(spooled).as("stdout is over the limit, on disk").isNotNull();
    return Files.readString(spooled.file(), StandardCharsets.UTF_8);
  }

  /** Legacy's stdout from a real run of {@code command}, redacted, spooled past 1000 bytes. */
  private String redactedStdout(String command) throws Exception {
    Suite suite = suite(command);
    Case testCase = suite.find("a").orElseThrow();
    try (Runner runner = Redactor.runner(new CommandRunner(1000))) {
      return stdout(runner.run(suite, suite.legacy(), testCase));
    } finally {
      Spool.release("a");
    }
  }

  @Test
  void aSecretAfterTheInMemoryLimitOfARealRunIsRedacted() throws Exception {
    String out = redactedStdout("seq 1 20000; echo password=hunter2; seq 1 100");

    assertThat(out)
        .doesNotContain("hunter2")
        .contains("password=" + Redactor.MARKER)
        .endsWith("\n100\n");
  }

  @Test
  void aCleanRealRunIsKeptByteForByte() throws Exception {
    String out = redactedStdout("seq 1 20000 | sed s/^/value=/");

    assertThat(out).startsWith("value=1\nvalue=2\n").endsWith("value=20000\n");
    assertThat(out.lines()).hasSize(20_000);
  }

  @Test
  void aCleanScanOfEveryByteSkipsTheFilesRedactionPass() throws Exception {
    // The file holds a secret the scan did not see: left as it is, it shows the file was not read.
    Observation observed = run(CLEAN, SECRET, Feeding.ALL);

    assertThat(Files.readString(observed.spooled().get(Observation.STDOUT).file()))
        .isEqualTo(SECRET);
  }

  @Test
  void aScanThatSawPartOfTheOutputIsNotTrusted() throws Exception {
    Observation observed = run(CLEAN, SECRET, Feeding.HALF);

    assertThat(Files.readString(observed.spooled().get(Observation.STDOUT).file()))
        .doesNotContain("hunter2");
  }

  @Test
  void aStreamScannedTwiceIsNotTrusted() throws Exception {
    Observation observed = run(CLEAN, SECRET, Feeding.TWICE_ASKED);

    assertThat(Files.readString(observed.spooled().get(Observation.STDOUT).file()))
        .doesNotContain("hunter2");
  }

  @Test
  void aScanThatSawASecretLeavesItToTheRedactionPass() throws Exception {
    Observation observed = run(SECRET, SECRET, Feeding.ALL);

    assertThat(Files.readString(observed.spooled().get(Observation.STDOUT).file()))
        .doesNotContain("hunter2");
  }

  private enum Feeding {
    ALL,
    HALF,
    TWICE_ASKED
  }

  /** Runs a runner that shows {@code scanned} to stdout's scan and spools {@code onDisk}. */
  private Observation run(String scanned, String onDisk, Feeding feeding) throws Exception {
    Path file = Files.writeString(root.resolve("stdout"), onDisk);
    Runner fake =
        new Runner() {
          @Override
          public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
            throw new AssertionError("the redacting runner passes its scans");
          }

          @Override
          public RunOutcome run(
              Suite suite, Implementation implementation, Case testCase, OutputScan.Factory scans) {
            byte[] bytes = scanned.getBytes(StandardCharsets.UTF_8);
            OutputScan scan = scans.forStream(Observation.STDOUT);
            if (feeding == Feeding.TWICE_ASKED) {
              scans.forStream(Observation.STDOUT);
            }
            int half = bytes.length / 2;
            scan.accept(bytes, 0, half);
            if (feeding != Feeding.HALF) {
              scan.accept(bytes, half, bytes.length - half);
            }
            TreeMap<String, Spooled> spooled = new TreeMap<>();
            spooled.put(Observation.STDOUT, new Spooled(file, bytes.length));
            return new RunOutcome.Completed(
                Observation.ofCommand(
                    0, Optional.empty(), new TreeMap<>(), spooled, Duration.ZERO));
          }
        };
    Suite suite = suite("true");
    RunOutcome outcome =
        Redactor.runner(fake).run(suite, suite.legacy(), suite.find("a").orElseThrow());
    return outcome.observation().orElseThrow();
  }
}
