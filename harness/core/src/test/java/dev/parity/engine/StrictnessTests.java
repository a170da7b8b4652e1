package dev.parity.engine;

import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingStore;
import dev.parity.testing.TempSuite;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictnessTests {
  @TempDir Path root;

  @Test
  void namesOrphanGoldensPendingResultsAndExpiredAcceptedDifferences() throws Exception {
    TempSuite folder =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - id: a\n  - id: b\n");
    Suite suite = new SuiteLoader().load(folder.folder());
    GoldenStore goldens = new GoldenStore(folder.golden());
    PendingStore pending = new PendingStore(folder.reports());
    LocalDate today = LocalDate.parse("2027-01-01");
    goldens.write("a", command(0, "a\n", ""), false);
    goldens.write("b", command(0, "b\n", ""), false);
    goldens.write("gone", command(0, "x\n", ""), false);
    goldens.accept(
        "a",
        command(0, "A\n", ""),
        AcceptedDifference.of("r", "ana", Instant.EPOCH)
            .withTicket("T-1")
            .withUntil(LocalDate.parse("2026-12-31")));
    goldens.accept(
        "b",
        command(0, "B\n", ""),
        AcceptedDifference.of("r", "ana", Instant.EPOCH).withUntil(today));

    assertThat(Strictness.problems(suite, goldens, pending, today)).hasSize(2);

    pending.write(
        "b",
        Side.CANDIDATE,
        command(1, "B!\n", ""),
        PendingInfo.of(suite.key(), PendingInfo.Source.VERIFY, "verify", Instant.EPOCH));

    assertThat(Strictness.problems(suite, goldens, pending, today))
        .containsExactly(
            "orphan golden gone (its case is gone from the suite): delete it with `parity prune"
                + " s` or restore the case",
            "pending result of b (from `parity verify`): accept or reject it with `parity review"
                + " s`",
            "accepted difference of a expired on 2026-12-31 (ticket T-1): fix the candidate, or"
                + " accept the difference again with a later --until");
  }
}
