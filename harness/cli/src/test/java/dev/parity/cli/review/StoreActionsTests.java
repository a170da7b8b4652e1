package dev.parity.cli.review;

import static dev.parity.testing.Observations.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingStore;
import dev.parity.testing.TempSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review's decisions on disk refuse what {@code parity accept} refuses. */
class StoreActionsTests {
  @TempDir Path root;

  @Test
  void aPendingResultJudgedByAGoldenReplacedSinceIsNotAccepted() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - id: a\n");
    Suite loaded = new SuiteLoader().load(suite.folder());
    GoldenStore goldens = new GoldenStore(suite.golden());
    PendingStore pending = new PendingStore(suite.reports());
    goldens.write("a", command(0, "old\n", ""), false);
    PendingInfo info = PendingInfo.of("s", PendingInfo.Source.VERIFY, "verify", Instant.EPOCH);
    pending.write("a", Side.CANDIDATE, command(0, "port\n", ""), info, goldens.state("a"));
    goldens.write("a", command(0, "new\n", ""), true);
    ReviewItem item = ReviewQueue.load(loaded, goldens, pending, id -> true).get(0);
    StoreActions actions = new StoreActions(goldens, pending);

    assertThatThrownBy(
            () -> actions.acceptCandidate(item, AcceptedDifference.of("r", "ana", Instant.EPOCH)))
        .isInstanceOf(GoldenException.class)
        .hasMessageContaining(
            "the golden was replaced since the `parity verify` that stored this pending result");
    assertThat(goldens.accepted("a")).isEmpty();
    assertThat(pending.read("a")).isPresent();
  }

  @Test
  void aPendingResultThatARunReplacedSinceItWasShownIsNeitherAcceptedNorDroppedUnseen()
      throws Exception {
    TempSuite suite =
        TempSuite.in(root, "s")
            .suiteYaml(
                "name: s\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - id: a\n");
    Suite loaded = new SuiteLoader().load(suite.folder());
    GoldenStore goldens = new GoldenStore(suite.golden());
    PendingStore pending = new PendingStore(suite.reports());
    goldens.write("a", command(0, "old\n", ""), false);
    PendingInfo shown = PendingInfo.of("s", PendingInfo.Source.RECORD, "record", Instant.EPOCH);
    pending.write("a", Side.LEGACY, command(0, "shown\n", ""), shown, goldens.state("a"));
    ReviewItem item = ReviewQueue.load(loaded, goldens, pending, id -> true).get(0);
    StoreActions actions = new StoreActions(goldens, pending);
    // Another process's record stores a newer pending result while the reviewer looks at this one.
    PendingInfo later =
        PendingInfo.of("s", PendingInfo.Source.RECORD, "record", Instant.EPOCH.plusSeconds(60));
    pending.write("a", Side.LEGACY, command(0, "newer\n", ""), later, goldens.state("a"));

    for (ThrowingDecision decision :
        new ThrowingDecision[] {() -> actions.acceptLegacy(item), () -> actions.reject(item)}) {
      assertThatThrownBy(decision::run)
          .isInstanceOf(GoldenException.class)
          .hasMessage(
              pending.folder().resolve("a")
                  + ": the pending result was replaced or dropped since it was shown (by another"
                  + " `parity` run or command); run `parity review` again to see the current one");
    }
    assertThat(goldens.read("a").orElseThrow().stream("stdout"))
        .as("the golden is not replaced by what was shown")
        .contains("old\n".getBytes(StandardCharsets.UTF_8));
    assertThat(pending.read("a").orElseThrow().legacy().orElseThrow().stream("stdout"))
        .as("the newer pending result is kept")
        .contains("newer\n".getBytes(StandardCharsets.UTF_8));
  }

  private interface ThrowingDecision {
    void run() throws Exception;
  }
}
