package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.run.Observation;
import dev.parity.run.OutputScan;
import dev.parity.run.Reference;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run compared with legacy's output as it arrives does not scan the bytes it shares with it: its
 * redaction scan answers for them with legacy's scan of the whole file (issue 13, eighth pass).
 * Whatever it skips, every secret of its output is redacted as before: a secret in the shared bytes
 * makes legacy's scan, and so the run's, leave the output to the redaction pass.
 */
class ReferenceScanTests {
  private static final String CLEAN = "record 00000001 value=0000000000007919\n".repeat(2_000);
  private static final String SECRET =
      CLEAN.substring(0, CLEAN.length() - "password=hunter2\n".length()) + "password=hunter2\n";

  @TempDir Path root;

  @AfterEach
  void release() {
    Spool.release("a");
  }

  private Suite suite(String legacy, String candidate) {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, '"
                    + legacy
                    + "']\ncandidate:\n  command: [sh, -c, '"
                    + candidate
                    + "']\ncases:\n  - id: a\n");
    return new SuiteLoader().load(folder.folder());
  }

  /** The candidate's redacted stdout, run after legacy with legacy's output as its reference. */
  private String candidateStdout(String legacy, String candidate) throws Exception {
    Suite suite = suite(legacy, candidate);
    Case testCase = suite.find("a").orElseThrow();
    try (Runner runner = Redactor.runner(new CommandRunner(1000))) {
      Observation first = runner.run(suite, suite.legacy(), testCase).observation().orElseThrow();
      Observation second =
          runner
              .run(suite, suite.candidate(), testCase, Reference.of(first))
              .observation()
              .orElseThrow();
      return Files.readString(second.spooled().get(Observation.STDOUT).file());
    }
  }

  @Test
  void aSecretInTheBytesSharedWithLegacyIsRedactedWhenTheCandidateDiffersLater() throws Exception {
    String out =
        candidateStdout(
            "seq 1 2000; echo password=hunter2; seq 1 3000",
            "seq 1 2000; echo password=hunter2; seq 1 2999; echo changed");

    assertThat(out)
        .doesNotContain("hunter2")
        .contains("password=" + Redactor.MARKER)
        .endsWith("\n2999\nchanged\n");
  }

  @Test
  void aSecretAfterTheFirstDifferenceIsRedacted() throws Exception {
    String out = candidateStdout("seq 1 5000", "seq 1 4000; echo password=hunter2; seq 1 10");

    assertThat(out).doesNotContain("hunter2").contains("password=" + Redactor.MARKER);
  }

  @Test
  void aSecretInAnOutputEqualToLegacysIsRedactedOnBothSides() throws Exception {
    String command = "seq 1 2000; echo password=hunter2; seq 1 3000";

    assertThat(candidateStdout(command, command))
        .doesNotContain("hunter2")
        .contains("password=" + Redactor.MARKER);
  }

  /**
   * The wiring: the candidate's scan is told its bytes are legacy's and shown none of them. It
   * answers for them with legacy's clean scan, so the candidate's file is not read again; the file
   * here holds a secret no scan saw, left as it is to show that (a scan that answered for nothing
   * would have seen too few bytes, and the redaction pass would have removed it).
   */
  @Test
  void aCandidatesScanAnswersForLegacysBytesWithLegacysScan() throws Exception {
    Path legacyFile = Files.writeString(root.resolve("legacy"), CLEAN);
    Path candidateFile = Files.writeString(root.resolve("candidate"), SECRET);
    long size = Files.size(legacyFile);
    Runner fake =
        new Runner() {
          @Override
          public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
            throw new AssertionError("the redacting runner passes its scans");
          }

          @Override
          public RunOutcome run(
              Suite suite,
              Implementation implementation,
              Case testCase,
              OutputScan.Factory scans,
              Reference reference) {
            OutputScan scan = scans.forStream(Observation.STDOUT);
            Optional<Spooled> expected = reference.forStream(Observation.STDOUT);
            Path file = legacyFile;
            if (expected.isPresent()) {
              scan.skip(expected.get(), size);
              file = candidateFile;
            } else {
              byte[] bytes = CLEAN.getBytes(StandardCharsets.UTF_8);
              scan.accept(bytes, 0, bytes.length);
            }
            TreeMap<String, Spooled> spooled = new TreeMap<>();
            spooled.put(Observation.STDOUT, new Spooled(file, size));
            return new RunOutcome.Completed(
                Observation.ofCommand(
                    0, Optional.empty(), new TreeMap<>(), spooled, Duration.ZERO));
          }
        };
    Suite suite = suite("true", "true");
    Case testCase = suite.find("a").orElseThrow();
    Runner runner = Redactor.runner(fake);
    Observation legacy = runner.run(suite, suite.legacy(), testCase).observation().orElseThrow();

    Observation candidate =
        runner
            .run(suite, suite.candidate(), testCase, Reference.of(legacy))
            .observation()
            .orElseThrow();

    assertThat(Files.readString(candidate.spooled().get(Observation.STDOUT).file()))
        .isEqualTo(SECRET);
  }
}
