package dev.parity.cli.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.diff.ObservationComparator;
import dev.parity.diff.SideNames;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Side;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenException;
import dev.parity.golden.PendingInfo;
import dev.parity.run.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewSessionTests {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  /** Records what the session asked to change, in order. */
  static final class Recorded implements ReviewActions {
    final List<String> calls = new ArrayList<>();
    final List<AcceptedDifference> differences = new ArrayList<>();
    boolean locked;

    @Override
    public void acceptLegacy(ReviewItem item) {
      fail();
      calls.add("replace " + item.caseId());
    }

    @Override
    public void acceptCandidate(ReviewItem item, AcceptedDifference difference) {
      fail();
      calls.add("accept " + item.caseId());
      differences.add(difference);
    }

    @Override
    public void reject(ReviewItem item) {
      fail();
      calls.add("reject " + item.caseId());
    }

    private void fail() {
      if (locked) {
        throw new GoldenException(Path.of("golden/s"), "locked by another run", "wait for it");
      }
    }
  }

  /** Answers prompts from a list; an empty answer list means the reviewer cancels. */
  static Prompter answers(String... lines) {
    Deque<String> queue = new ArrayDeque<>(List.of(lines));
    return question -> Optional.ofNullable(queue.poll());
  }

  static ReviewItem item(
      String id, Side side, Optional<String> cluster, String golden, String now) {
    PendingInfo info =
        PendingInfo.of(
            "s",
            side == Side.LEGACY ? PendingInfo.Source.RECORD : PendingInfo.Source.VERIFY,
            side == Side.LEGACY ? "record" : "verify",
            NOW);
    if (cluster.isPresent()) {
      info = info.withCluster(cluster.get());
    }
    Observation left = stdout(golden);
    Observation right = stdout(now);
    SideNames names = side == Side.LEGACY ? SideNames.RECORD : ReviewQueue.CANDIDATE;
    var comparison =
        new ObservationComparator()
            .withNames(names)
            .compare(EnumSet.allOf(CompareTarget.class), left, right);
    return new ReviewItem(
        id,
        side,
        info,
        true,
        right,
        names,
        comparison,
        comparison,
        new ReviewItem.Views(left, right, left, right));
  }

  static Observation stdout(String text) {
    return Observation.ofCommand(
        0, text.getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(), Duration.ZERO);
  }

  private final Recorded actions = new Recorded();

  private ReviewSession session(ReviewItem... items) {
    return new ReviewSession(List.of(items), actions, "ann", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void acceptRejectSkipQuitEachActOnceAndInOrder() throws IOException {
    ReviewSession session =
        session(
            item("a", Side.LEGACY, Optional.empty(), "one\n", "two\n"),
            item("b", Side.LEGACY, Optional.empty(), "one\n", "two\n"),
            item("c", Side.LEGACY, Optional.empty(), "one\n", "two\n"),
            item("d", Side.LEGACY, Optional.empty(), "one\n", "two\n"));

    session.press('a', answers());
    assertThat(session.current().orElseThrow().caseId()).isEqualTo("b");
    assertThat(session.position()).isEqualTo(2);
    session.press('r', answers());
    session.press('s', answers());
    assertThat(session.current().orElseThrow().caseId()).isEqualTo("d");
    assertThat(session.position()).isEqualTo(4);
    session.press('q', answers());

    assertThat(session.finished()).isTrue();
    assertThat(actions.calls).containsExactly("replace a", "reject b");
    assertThat(session.tally()).isEqualTo(new ReviewSession.Tally(1, 1, 1));
  }

  @Test
  void acceptingACandidateAsksForAReasonAndATicket() throws IOException {
    ReviewSession session = session(item("a", Side.CANDIDATE, Optional.empty(), "x\n", "y\n"));

    session.press('a', answers("intended: fixed rounding", "PORT-12"));

    assertThat(actions.calls).containsExactly("accept a");
    AcceptedDifference difference = actions.differences.get(0);
    assertThat(difference.reason()).isEqualTo("intended: fixed rounding");
    assertThat(difference.ticket()).contains("PORT-12");
    assertThat(difference.by()).isEqualTo("ann");
    assertThat(difference.at()).isEqualTo(NOW);
    assertThat(difference.until()).isEmpty();
    assertThat(session.finished()).isTrue();
  }

  @Test
  void aCandidateIsNotAcceptedWithoutAReason() throws IOException {
    ReviewSession session = session(item("a", Side.CANDIDATE, Optional.empty(), "x\n", "y\n"));

    session.press('a', answers("   "));
    session.press('a', answers());

    assertThat(actions.calls).isEmpty();
    assertThat(session.current().orElseThrow().caseId()).isEqualTo("a");
    assertThat(session.message()).contains("needs a reason");
  }

  @Test
  void acceptAllTakesEveryResultOfTheClusterWithOneReason() throws IOException {
    ReviewSession session =
        session(
            item("a", Side.CANDIDATE, Optional.of("c1"), "x\n", "y\n"),
            item("b", Side.CANDIDATE, Optional.of("c2"), "x\n", "z\n"),
            item("c", Side.CANDIDATE, Optional.of("c1"), "x\n", "y\n"));

    session.press('A', answers("same fix", ""));

    assertThat(actions.calls).containsExactly("accept a", "accept c");
    assertThat(actions.differences).allSatisfy(d -> assertThat(d.ticket()).isEmpty());
    assertThat(session.current().orElseThrow().caseId()).isEqualTo("b");
    assertThat(session.tally().accepted()).isEqualTo(2);
  }

  @Test
  void acceptAllWithoutAClusterAcceptsNothing() throws IOException {
    ReviewSession session = session(item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"));

    session.press('A', answers());

    assertThat(actions.calls).isEmpty();
    assertThat(session.message()).contains("in no cluster");
  }

  @Test
  void aLockedGoldenFolderKeepsTheResultAndSaysWhy() throws IOException {
    actions.locked = true;
    ReviewSession session = session(item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"));

    session.press('a', answers());

    assertThat(session.current().orElseThrow().caseId()).isEqualTo("a");
    assertThat(session.message()).contains("could not accept a").contains("locked");
    assertThat(session.tally().accepted()).isZero();
  }

  @Test
  void togglesViewsAndQuitsOnCtrlCOrALostTerminal() throws IOException {
    ReviewSession session =
        session(
            item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"),
            item("b", Side.LEGACY, Optional.empty(), "x\n", "y\n"));
    session.press('n', answers());
    session.press('u', answers());
    session.press('d', answers());
    assertThat(session.showRaw()).isTrue();
    assertThat(session.sideBySide()).isFalse();
    assertThat(session.detail()).isTrue();

    session.press('[', answers());
    assertThat(session.message()).contains("unknown key");
    session.press(ReviewSession.CTRL_C, answers());
    assertThat(session.finished()).isTrue();
    assertThat(actions.calls).isEmpty();

    ReviewSession lost = session(item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"));
    lost.press(-1, answers());
    assertThat(lost.finished()).isTrue();
  }

  @Test
  void endsWhenTheLastResultIsDecided() throws IOException {
    ReviewSession session =
        session(
            item("a", Side.LEGACY, Optional.empty(), "x\n", "y\n"),
            item("b", Side.LEGACY, Optional.empty(), "x\n", "y\n"));
    session.press('s', answers());
    session.press('r', answers());

    assertThat(session.finished()).isTrue();
    assertThat(session.current()).isEmpty();
    assertThat(actions.calls).containsExactly("reject b");
  }
}
