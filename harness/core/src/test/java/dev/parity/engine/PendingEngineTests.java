package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.run.CommandRunner;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} and {@code verify} keep the new observation of each failing case as pending. */
class PendingEngineTests {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  private Path legacyOutput;
  private Path candidateOutput;
  private Suite suite;
  private GoldenStore goldens;
  private PendingStore pending;

  private void setUp(String cases) throws Exception {
    legacyOutput = root.resolve("legacy.txt");
    candidateOutput = root.resolve("candidate.txt");
    Files.writeString(legacyOutput, "one\n");
    Files.writeString(candidateOutput, "one\n");
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'cat "
                    + legacyOutput
                    + "']\ncandidate:\n  command: [sh, -c, 'cat "
                    + candidateOutput
                    + "']\ncases:\n"
                    + cases);
    suite = new SuiteLoader().load(folder.folder());
    goldens = new GoldenStore(folder.golden());
    pending = new PendingStore(root.resolve("out"));
  }

  private RunOptions options() {
    return RunOptions.defaults()
        .withOut(root.resolve("out"))
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void recordStoresTheNewLegacyObservationOfAChangedGoldenAsPending() throws Exception {
    setUp("  - id: a\n");
    engine.record(suite, goldens, options());
    assertThat(pending.list()).as("a new golden is no pending result").isEmpty();
    Files.writeString(legacyOutput, "two\n");

    Verdict verdict = engine.record(suite, goldens, options());

    CaseResult a = verdict.fixtures().get(0);
    assertThat(a.status()).isEqualTo(Status.FAIL);
    assertThat(a.notes())
        .anyMatch(n -> n.key().equals("pending") && n.message().contains(pending.folder() + "/a"));
    PendingResult stored = pending.read("a").orElseThrow();
    assertThat(stored.legacy().orElseThrow().stream("stdout")).contains("two\n".getBytes());
    assertThat(stored.candidate()).isEmpty();
    assertThat(stored.info())
        .isEqualTo(PendingInfo.of("s", PendingInfo.Source.RECORD, "record", NOW).withCluster("c1"));
    assertThat(goldens.read("a").orElseThrow().stream("stdout"))
        .as("the golden is left alone")
        .contains("one\n".getBytes());

    engine.record(suite, goldens, options().withUpdate(true));
    assertThat(pending.list()).as("an updated golden drops its pending result").isEmpty();
  }

  @Test
  void verifyStoresAFailingCandidateAndDropsItOnceTheCasePasses() throws Exception {
    setUp("  - id: a\n  - id: b/c\n");
    engine.record(suite, goldens, options());
    Files.writeString(candidateOutput, "changed\n");

    engine.verify(suite, goldens, options());

    assertThat(pending.list()).extracting(PendingResult::caseId).containsExactly("a", "b/c");
    PendingResult a = pending.read("a").orElseThrow();
    assertThat(a.observation(Side.CANDIDATE).orElseThrow().stream("stdout"))
        .contains("changed\n".getBytes());
    assertThat(a.info().source()).isEqualTo(PendingInfo.Source.VERIFY);

    Files.writeString(candidateOutput, "one\n");
    engine.verify(suite, goldens, options().withFilter("a"));
    assertThat(pending.list())
        .as("a passing case drops its pending result; a case not run keeps it")
        .extracting(PendingResult::caseId)
        .containsExactly("b/c");
  }

  @Test
  void eachStoredPendingResultNotesTheClusterTheVerdictPutItIn() throws Exception {
    setUp("  - id: a\n  - id: b\n    args: [b]\n");
    engine.record(suite, goldens, options());
    Files.writeString(candidateOutput, "changed\n");

    Verdict verdict = engine.verify(suite, goldens, options());

    assertThat(verdict.clusters()).hasSize(1);
    String id = verdict.clusters().get(0).id();
    assertThat(verdict.clusters().get(0).examples()).containsExactly("a", "b");
    assertThat(pending.read("a").orElseThrow().info().cluster()).contains(id);
    assertThat(pending.read("b").orElseThrow().cluster(Side.CANDIDATE)).contains(id);
    assertThat(pending.read("b").orElseThrow().cluster(Side.LEGACY)).isEmpty();
    assertThat(pending.folder().resolve("a/pending.yaml")).content().contains("cluster: " + id);
  }

  @Test
  void aVerifyKeepsThePendingLegacyResultOfARecordAndDropsOnlyItsOwnSide() throws Exception {
    setUp("  - id: a\n");
    engine.record(suite, goldens, options());
    Files.writeString(legacyOutput, "two\n");
    engine.record(suite, goldens, options());
    assertThat(pending.read("a").orElseThrow().legacy()).isPresent();

    engine.verify(suite, goldens, options());
    assertThat(pending.read("a"))
        .as("a passing verify leaves record's pending legacy result alone")
        .hasValueSatisfying(p -> assertThat(p.legacy()).isPresent());

    Files.writeString(candidateOutput, "three\n");
    engine.verify(suite, goldens, options());
    PendingResult both = pending.read("a").orElseThrow();
    assertThat(both.legacy().orElseThrow().stream("stdout")).contains("two\n".getBytes());
    assertThat(both.candidate().orElseThrow().stream("stdout")).contains("three\n".getBytes());
    assertThat(both.source()).isEqualTo(PendingInfo.Source.VERIFY);

    Files.writeString(candidateOutput, "one\n");
    engine.verify(suite, goldens, options());
    PendingResult legacyOnly = pending.read("a").orElseThrow();
    assertThat(legacyOnly.candidate()).isEmpty();
    assertThat(legacyOnly.legacy().orElseThrow().stream("stdout")).contains("two\n".getBytes());
    assertThat(legacyOnly.source()).isEqualTo(PendingInfo.Source.RECORD);

    Files.writeString(legacyOutput, "one\n");
    engine.record(suite, goldens, options());
    assertThat(pending.list()).as("legacy back to the golden: nothing pending").isEmpty();
  }

  @Test
  void recordInCiStoresNewCasesAsPendingOnly() throws Exception {
    setUp("  - id: a\n");

    Verdict verdict = engine.record(suite, goldens, options().withPendingOnly(true));

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.PASS);
    assertThat(verdict.fixtures().get(0).summary()).isEqualTo("new case stored as pending");
    assertThat(goldens.read("a")).as("no golden written").isEmpty();
    assertThat(goldens.folder().resolve("a")).doesNotExist();
    assertThat(pending.read("a").orElseThrow().legacy()).isPresent();
  }

  @Test
  void withoutAnOutputFolderNothingIsPending() throws Exception {
    setUp("  - id: a\n");
    engine.record(suite, goldens, RunOptions.defaults());
    Files.writeString(candidateOutput, "changed\n");

    engine.verify(suite, goldens, RunOptions.defaults());

    assertThat(root.resolve("out")).doesNotExist();
  }
}
