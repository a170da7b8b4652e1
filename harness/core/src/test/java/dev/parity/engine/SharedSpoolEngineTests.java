package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import dev.parity.run.CommandRunner;
import dev.parity.run.Spool;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A candidate (or an extra legacy run) whose output over the in-memory limit is legacy's is
 * compared with legacy's spool file as it arrives and writes no spool file of its own; one that
 * differs anywhere is spooled and reported at its first difference, as before (issue 13, seventh
 * pass). The spool files are counted where the runner makes them.
 */
class SharedSpoolEngineTests {
  private static final int LIMIT = 1000;

  /** 5000 bytes of numbered lines, the line at {@code at} replaced by {@code line}. */
  private static String output(String line, int at) {
    return "awk 'BEGIN { for (i = 0; i < 250; i++) print (i == "
        + at
        + " ? \\\""
        + line
        + "\\\" : sprintf(\\\"line %013d\\\", i)) }'";
  }

  @TempDir Path root;

  private final List<String> made = new CopyOnWriteArrayList<>();

  private Verdict compare(String legacy, String candidate, int runs) throws Exception {
    return engine()
        .compare(suite(legacy, candidate), new RunOptions(Optional.empty(), 1, false, runs));
  }

  /**
   * Records legacy's output as the golden, then verifies the candidate against it with golden
   * streams over the same limit read from a spool; {@link #made} holds the verify's spools only.
   */
  private Verdict verify(String legacy, String candidate) throws Exception {
    return verify(legacy, candidate, golden -> {});
  }

  /** What a test does to the golden folder between the record and the verify. */
  private interface Between {
    void goldens(Path folder) throws Exception;
  }

  private Verdict verify(String legacy, String candidate, Between between) throws Exception {
    return verify(legacy, candidate, between, new RunOptions(Optional.empty(), 1, false, 1));
  }

  private Verdict verify(String legacy, String candidate, Between between, RunOptions options)
      throws Exception {
    Suite suite = suite(legacy, candidate);
    GoldenStore goldens = new GoldenStore(root.resolve("golden"));
    engine().record(suite, goldens, new RunOptions(Optional.empty(), 1, false, 1));
    between.goldens(root.resolve("golden"));
    made.clear();
    System.setProperty(Spool.LIMIT_PROPERTY, Integer.toString(LIMIT));
    try {
      return engine().verify(suite, goldens, options);
    } finally {
      System.clearProperty(Spool.LIMIT_PROPERTY);
    }
  }

  private Suite suite(String legacy, String candidate) throws Exception {
    return new SuiteLoader()
        .load(
            TempSuite.in(root, "s")
                .suiteYaml(
                    "name: s\nlegacy:\n  command: [sh, -c, \""
                        + legacy
                        + "\"]\ncandidate:\n  command: [sh, -c, \""
                        + candidate
                        + "\"]\ncases:\n  - id: big\n")
                .folder());
  }

  private Engine engine() {
    return new Engine(
        new CommandRunner(
            LIMIT,
            (caseId, stream) -> {
              made.add(stream);
              return Spool.newFile(caseId, stream);
            }),
        new ObservationComparator(),
        Progress.NONE);
  }

  private static CaseResult only(Verdict verdict) {
    assertThat(verdict.fixtures()).hasSize(1);
    return verdict.fixtures().get(0);
  }

  @ParameterizedTest(name = "--runs {0}")
  @ValueSource(ints = {1, 2, 3})
  void aPassingCaseSpoolsOnlyLegacysFirstRun(int runs) throws Exception {
    String same = output("line 0000000000042", 42);

    CaseResult result = only(compare(same, same, runs));

    assertThat(result.status()).as(result.details()).isEqualTo(Status.PASS);
    assertThat(made).containsExactly("stdout");
  }

  @ParameterizedTest(name = "--runs {0}")
  @ValueSource(ints = {1, 2})
  void aSecretInEqualOutputsIsRedactedOnceAndTheCasePasses(int runs) throws Exception {
    String secret = output("password=hunter2", 120);

    CaseResult result = only(compare(secret, secret, runs));

    assertThat(result.status()).as(result.details()).isEqualTo(Status.PASS);
    assertThat(made).containsExactly("stdout");
  }

  @ParameterizedTest(name = "line {0} differs")
  @ValueSource(ints = {0, 49, 50, 125, 249})
  void aCandidateThatDiffersAnywhereIsSpooledAndReportedThere(int line) throws Exception {
    CaseResult result = only(compare(output("line 0000000000000", 0), output("LINE", line), 1));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    // Each line is 19 bytes.
    assertThat(result.details())
        .contains("first difference at byte " + line * 19 + " (line " + (line + 1) + ")");
    assertThat(made).containsExactly("stdout", "stdout");
  }

  @ParameterizedTest(name = "candidate {0} lines")
  @ValueSource(ints = {249, 251})
  void aCandidateShorterOrLongerIsSpooledAndReportedAtTheShortersEnd(int lines) throws Exception {
    String legacy = output("line 0000000000000", 0);
    String candidate =
        "awk 'BEGIN { for (i = 0; i < " + lines + "; i++) printf(\\\"line %013d\\\\n\\\", i) }'";

    CaseResult result = only(compare(legacy, candidate, 1));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.details()).contains("first difference at byte " + Math.min(lines, 250) * 19);
    assertThat(made).containsExactly("stdout", "stdout");
  }

  @ParameterizedTest(name = "--runs {0}")
  @ValueSource(ints = {1, 2})
  void secretsThatDifferAreADifference(int runs) throws Exception {
    CaseResult result =
        only(compare(output("password=hunter2", 120), output("password=hunter3", 120), runs));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.details()).doesNotContain("hunter");
    // Legacy's extra run is legacy's: it writes none.
    assertThat(made).containsExactly("stdout", "stdout");
  }

  @Test
  void aCandidateEqualToALargeGoldenIsComparedWithItAndNotSpooled() throws Exception {
    String same = output("line 0000000000042", 42);

    CaseResult result = only(verify(same, same));

    assertThat(result.status()).as(result.details()).isEqualTo(Status.PASS);
    assertThat(made).isEmpty();
  }

  @Test
  void aSecretInALargeGoldenIsRedactedAsTheCandidatesAndTheCasePasses() throws Exception {
    String secret = output("password=hunter2", 120);

    CaseResult result = only(verify(secret, secret));

    assertThat(result.status()).as(result.details()).isEqualTo(Status.PASS);
    // The golden holds the secret redacted, so the raw candidate differs from it there.
    assertThat(made).containsExactly("stdout");
  }

  @ParameterizedTest(name = "line {0} differs")
  @ValueSource(ints = {0, 125, 249})
  void aCandidateThatDiffersFromALargeGoldenIsSpooledAndReportedThere(int line) throws Exception {
    CaseResult result = only(verify(output("line 0000000000000", 0), output("LINE", line)));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.details())
        .contains("first difference at byte " + line * 19 + " (line " + (line + 1) + ")");
    assertThat(made).containsExactly("stdout");
  }

  /**
   * The pending result of a candidate that differs from a large golden holds exactly the
   * candidate's bytes: its stream is the golden's equal prefix spliced with its own spooled rest,
   * copied into the pending folder in the kernel.
   */
  @ParameterizedTest(name = "line {0} differs")
  @ValueSource(ints = {0, 125, 249})
  void aCandidateThatDiffersFromALargeGoldenIsStoredWholeAsItsPendingResult(int line)
      throws Exception {
    Path out = root.resolve("out");
    Path expected = root.resolve("expected");
    String candidate = output("LINE", line);

    CaseResult result =
        only(
            verify(
                output("line 0000000000000", 0),
                candidate + " | tee " + expected,
                golden -> {},
                new RunOptions(Optional.empty(), 1, false, 1).withOut(out)));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    Path stored = new PendingStore(out).read("big").orElseThrow().folder(Side.CANDIDATE);
    assertThat(stored.resolve("stdout")).hasSameBinaryContentAs(expected);
  }

  @Test
  void secretsThatDifferFromALargeGoldenAreADifference() throws Exception {
    CaseResult result =
        only(verify(output("password=hunter2", 120), output("password=hunter3", 120)));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.details()).doesNotContain("hunter");
  }

  /**
   * A golden stream on disk changed by one byte after it was recorded, and a candidate that prints
   * exactly the changed bytes: the golden's checksum makes the case an error, never a pass, also
   * when the stream is large enough to be checksummed by a second JVM ({@code Sha256}).
   */
  @ParameterizedTest(name = "{0} lines")
  @ValueSource(ints = {250, 900_000})
  void aCandidateEqualToALargeGoldenDamagedOnDiskIsAnErrorNotAPass(int lines) throws Exception {
    Path damaged = root.resolve("damaged");
    String legacy =
        "awk 'BEGIN { for (i = 0; i < " + lines + "; i++) printf(\\\"line %013d\\\\n\\\", i) }'";

    CaseResult result =
        only(
            verify(
                legacy,
                "cat " + damaged,
                golden -> {
                  Path stdout = golden.resolve("big/stdout");
                  byte[] bytes = Files.readAllBytes(stdout);
                  bytes[bytes.length / 2] ^= 1;
                  Files.write(stdout, bytes);
                  Files.write(damaged, bytes);
                }));

    assertThat(result.status()).isEqualTo(Status.ERROR);
    assertThat(result.details()).contains("does not match the checksum");
  }
}
