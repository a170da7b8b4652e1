package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import dev.parity.golden.SemanticVersion;
import dev.parity.golden.Until;
import dev.parity.run.CommandRunner;
import dev.parity.testing.Observations;
import dev.parity.testing.TempSuite;
import dev.parity.verdict.Acceptance;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Decision;
import dev.parity.verdict.RunStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} passes a case as {@code accepted} while its accepted difference holds. */
class AcceptedDifferenceEngineTests {
  private static final Clock DEC_1 =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final AcceptedDifference ROUNDING =
      AcceptedDifference.of(
              "the port rounds half-even", "ana", Instant.parse("2026-11-30T12:00:00Z"))
          .withTicket("MIG-7")
          .withUntil(LocalDate.parse("2026-12-31"));

  @TempDir Path root;

  private final Engine engine =
      new Engine(new CommandRunner(), new ObservationComparator(), Progress.NONE);

  private Path candidateOutput;
  private GoldenStore goldens;
  private Suite suite;

  private void setUp(String normalize) throws Exception {
    candidateOutput = root.resolve("candidate.txt");
    Files.writeString(candidateOutput, "total 3 at 10:00\n");
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [sh, -c, 'echo total 2 at 09:00']\n"
                    + "candidate:\n  command: [sh, -c, 'cat "
                    + candidateOutput
                    + "']\n"
                    + normalize
                    + "cases:\n  - id: a\n");
    suite = new SuiteLoader().load(folder.folder());
    goldens = new GoldenStore(folder.golden());
    engine.record(suite, goldens, RunOptions.defaults());
  }

  private RunOptions options() {
    return RunOptions.defaults().withOut(root.resolve("out")).withClock(DEC_1);
  }

  @Test
  void passesAsAcceptedWhileTheCandidateEqualsTheAcceptedObservation() throws Exception {
    setUp("normalize:\n  - regex: '\\d\\d:\\d\\d'\n    replace: HH:MM\n");
    goldens.accept("a", Observations.command(0, "total 3 at 23:59\n", ""), ROUNDING);

    Verdict verdict = engine.verify(suite, goldens, options());

    CaseResult a = verdict.fixtures().get(0);
    assertThat(a.status()).isEqualTo(Status.ACCEPTED);
    assertThat(a.accepted())
        .contains(
            Acceptance.of(
                "the port rounds half-even",
                Optional.of("MIG-7"),
                Optional.of("2026-12-31"),
                "ana",
                Instant.parse("2026-11-30T12:00:00Z")));
    assertThat(a.summary()).isEqualTo("accepted: the port rounds half-even (ticket MIG-7)");
    assertThat(a.facts()).as("the difference from the golden is still shown").isNotEmpty();
    assertThat(verdict.decision()).isEqualTo(Decision.CANDIDATE);
    assertThat(verdict.status()).isEqualTo(RunStatus.PASS);
    assertThat(verdict.counts().accepted()).isEqualTo(1);
    assertThat(verdict.counts().passed()).isZero();
    assertThat(verdict.clusters()).isEmpty();
    assertThat(new PendingStore(root.resolve("out")).list()).isEmpty();
  }

  @Test
  void failsOnceTheCandidateChangesSinceTheAcceptance() throws Exception {
    setUp("");
    goldens.accept("a", Observations.command(0, "total 3 at 10:00\n", ""), ROUNDING);
    Files.writeString(candidateOutput, "total 4 at 10:00\n");

    Verdict verdict = engine.verify(suite, goldens, options());

    CaseResult a = verdict.fixtures().get(0);
    assertThat(a.status()).isEqualTo(Status.FAIL);
    assertThat(a.accepted()).isEmpty();
    assertThat(a.facts())
        .contains(
            new Fact(
                "accepted", "candidate changed since the difference was accepted (ticket MIG-7)"));
    assertThat(verdict.decision()).isEqualTo(Decision.LEGACY);
    assertThat(new PendingStore(root.resolve("out")).read("a").orElseThrow().candidate())
        .as("keeps its pending result")
        .isPresent();
  }

  @Test
  void failsTheDayAfterUntil() throws Exception {
    setUp("");
    goldens.accept("a", Observations.command(0, "total 3 at 10:00\n", ""), ROUNDING);

    Verdict lastDay =
        engine.verify(
            suite,
            goldens,
            options()
                .withClock(Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC)));
    Verdict after =
        engine.verify(
            suite,
            goldens,
            options()
                .withClock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)));

    assertThat(lastDay.fixtures().get(0).status()).isEqualTo(Status.ACCEPTED);
    CaseResult a = after.fixtures().get(0);
    assertThat(a.status()).isEqualTo(Status.FAIL);
    assertThat(a.facts())
        .contains(new Fact("accepted", "accepted difference expired on 2026-12-31 (ticket MIG-7)"));
    assertThat(after.decision()).isEqualTo(Decision.LEGACY);
  }

  @Test
  void aVersionBoundPassesUpToItsVersionAndFailsAfterItOrWithoutAVersion() throws Exception {
    setUp("");
    AcceptedDifference upTo2 =
        AcceptedDifference.of("the port rounds half-even", "ana", Instant.EPOCH)
            .withTicket("MIG-7")
            .withUntil(Until.parse("2.0").orElseThrow());
    goldens.accept("a", Observations.command(0, "total 3 at 10:00\n", ""), upTo2);

    Verdict before = engine.verify(suite, goldens, options().withCandidateVersion(version("1.9")));
    Verdict at = engine.verify(suite, goldens, options().withCandidateVersion(version("2.0.0")));
    Verdict after = engine.verify(suite, goldens, options().withCandidateVersion(version("2.1")));
    Verdict unknown = engine.verify(suite, goldens, options());

    assertThat(before.fixtures().get(0).status()).isEqualTo(Status.ACCEPTED);
    assertThat(before.fixtures().get(0).accepted().orElseThrow().until()).contains("2.0");
    assertThat(at.fixtures().get(0).status()).isEqualTo(Status.ACCEPTED);
    assertThat(after.fixtures().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(after.fixtures().get(0).facts())
        .contains(
            new Fact(
                "accepted",
                "accepted difference expired after version 2.0 (the candidate is version 2.1)"
                    + " (ticket MIG-7)"));
    assertThat(unknown.fixtures().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(unknown.fixtures().get(0).facts())
        .anyMatch(f -> f.message().contains("give it with --candidate-version"));
    assertThat(
            Strictness.problems(
                suite,
                goldens,
                new PendingStore(root.resolve("out")),
                options().withCandidateVersion(version("2.1"))))
        .anyMatch(p -> p.startsWith("accepted difference of a expired after version 2.0"));
  }

  private static Optional<SemanticVersion> version(String text) {
    return SemanticVersion.parse(text);
  }

  @Test
  void aCaseWithoutAcceptedDifferenceFailsAsBefore() throws Exception {
    setUp("");

    Verdict verdict = engine.verify(suite, goldens, options());

    assertThat(verdict.fixtures().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(verdict.fixtures().get(0).facts()).noneMatch(f -> f.key().equals("accepted"));
    assertThat(verdict.counts().accepted()).isZero();
  }
}
