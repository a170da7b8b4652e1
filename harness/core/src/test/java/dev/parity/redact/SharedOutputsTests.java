package dev.parity.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.CommandRunner;
import dev.parity.run.Observation;
import dev.parity.run.Reference;
import dev.parity.run.Runner;
import dev.parity.run.Spool;
import dev.parity.run.Spooled;
import dev.parity.testing.TempSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run handed a redacted observation of the same case as its {@link Reference} compares its raw
 * outputs with the raw files behind it: equal ones take legacy's redacted stream (no spool file of
 * their own); a reference the runner did not return (a golden's file, say) is not trusted to stand
 * for raw bytes, and the output is spooled and redacted as without one, unless the runner redacted
 * it itself ({@link RedactingRunner#redactStored}).
 */
class SharedOutputsTests {
  private static final String SECRET_OUTPUT = "seq 1 2000; echo password=hunter2; seq 1 100";

  @TempDir Path root;

  private final List<String> made = new CopyOnWriteArrayList<>();

  @AfterEach
  void release() {
    Spool.release("a");
  }

  private Suite suite() {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, '"
                    + SECRET_OUTPUT
                    + "']\ncandidate:\n  command: [sh, -c, '"
                    + SECRET_OUTPUT
                    + "']\ncases:\n  - id: a\n");
    return new SuiteLoader().load(folder.folder());
  }

  private RedactingRunner runner() {
    return Redactor.runner(new CommandRunner(1000, this::counted));
  }

  @Test
  void anOutputEqualToItsReferencesRawBytesTakesItsRedactedStream() throws Exception {
    Suite suite = suite();
    Case testCase = suite.find("a").orElseThrow();
    try (Runner runner = runner()) {
      Observation legacy = runner.run(suite, suite.legacy(), testCase).observation().orElseThrow();
      Observation candidate =
          runner
              .run(suite, suite.candidate(), testCase, Reference.of(legacy))
              .observation()
              .orElseThrow();

      Spooled redacted = legacy.spooled().get(Observation.STDOUT);
      assertThat(Files.readString(redacted.file()))
          .doesNotContain("hunter2")
          .contains("password=" + Redactor.MARKER);
      assertThat(candidate.spooled().get(Observation.STDOUT)).isEqualTo(redacted);
      assertThat(made).containsExactly(Observation.STDOUT);
    }
  }

  @Test
  void aReferenceTheRunnerDidNotReturnIsNotUsed() throws Exception {
    Suite suite = suite();
    Case testCase = suite.find("a").orElseThrow();
    try (Runner runner = runner()) {
      Observation legacy = runner.run(suite, suite.legacy(), testCase).observation().orElseThrow();
      // The redacted bytes, as a golden would hold them: not the raw bytes the candidate writes.
      Path golden = Files.copy(legacy.spooled().get(Observation.STDOUT).file(), root.resolve("g"));
      TreeMap<String, Spooled> spooled = new TreeMap<>();
      spooled.put(Observation.STDOUT, new Spooled(golden, Files.size(golden)));

      Observation candidate =
          runner
              .run(suite, suite.candidate(), testCase, new Reference(spooled))
              .observation()
              .orElseThrow();

      Spooled own = candidate.spooled().get(Observation.STDOUT);
      assertThat(own.file()).isNotEqualTo(golden);
      assertThat(Files.readString(own.file())).isEqualTo(Files.readString(golden));
      assertThat(made).containsExactly(Observation.STDOUT, Observation.STDOUT);
    }
  }

  /**
   * A stored observation of one spooled stdout holding {@code text}, as a golden read from disk.
   */
  private Observation stored(String text) throws Exception {
    Path file = Files.writeString(root.resolve("stored"), text);
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    spooled.put(Observation.STDOUT, new Spooled(file, Files.size(file)));
    return new Observation(new TreeMap<>(), new TreeMap<>(), spooled, Duration.ZERO);
  }

  @Test
  void aStoredStreamWithASecretInClearIsRedactedAndARunEqualToItTakesTheRedactedStream()
      throws Exception {
    Suite suite = suite();
    Case testCase = suite.find("a").orElseThrow();
    // The raw output, as a golden recorded before its secret was one would hold it.
    String raw = seq(2000) + "password=hunter2\n" + seq(100);
    try (RedactingRunner runner = runner()) {
      RedactingRunner.AgainstStored run =
          runner.runAgainstStored(suite, suite.candidate(), testCase, stored(raw));
      Spooled redacted = run.stored().spooled().get(Observation.STDOUT);
      assertThat(Files.readString(redacted.file()))
          .doesNotContain("hunter2")
          .contains("password=" + Redactor.MARKER);

      Observation candidate = run.outcome().observation().orElseThrow();

      assertThat(made).as("the raw output equal to the stored file is not spooled").isEmpty();
      assertThat(candidate.spooled().get(Observation.STDOUT)).isEqualTo(redacted);
    }
  }

  @Test
  void aStoredStreamWithoutSecretsIsItsOwnRedactionAndARunThatDiffersIsSpooled() throws Exception {
    Suite suite = suite();
    Case testCase = suite.find("a").orElseThrow();
    Observation stored = stored("1\n".repeat(3000));
    try (RedactingRunner runner = runner()) {
      RedactingRunner.AgainstStored run =
          runner.runAgainstStored(suite, suite.candidate(), testCase, stored);
      assertThat(run.stored().spooled()).isEqualTo(stored.spooled());

      Observation candidate = run.outcome().observation().orElseThrow();

      assertThat(made).containsExactly(Observation.STDOUT);
      assertThat(Files.readString(candidate.spooled().get(Observation.STDOUT).file()))
          .doesNotContain("hunter2")
          .contains("password=" + Redactor.MARKER);
    }
  }

  /** What {@code seq 1 n} prints. */
  private static String seq(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> i + "\n").collect(Collectors.joining());
  }

  private Path counted(String caseId, String stream) throws IOException {
    made.add(stream);
    return Spool.newFile(caseId, stream);
  }
}
