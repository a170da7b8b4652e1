package dev.parity.engine;

import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.golden.Accepted;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.golden.SemanticVersion;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code --strict} fails a run for besides its cases: goldens whose case is gone, pending
 * results waiting for review, and accepted differences past their {@code until}. Each is one
 * sentence naming it and the fix; {@code Verdict.withStrict} fails the verdict with them.
 */
public final class Strictness {
  private Strictness() {}

  /** The problems of {@code suite}'s goldens and pending results, today (UTC). */
  public static List<String> problems(
      Suite suite, GoldenStore goldens, PendingStore pending, LocalDate today) throws IOException {
    return problems(suite, goldens, pending, today, Optional.empty());
  }

  /**
   * {@link #problems(Suite, GoldenStore, PendingStore, LocalDate)}, with accepted differences that
   * apply up to a version judged against the candidate's {@code version}.
   */
  public static List<String> problems(
      Suite suite,
      GoldenStore goldens,
      PendingStore pending,
      LocalDate today,
      Optional<SemanticVersion> version)
      throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> ids = suite.cases().stream().map(Case::id).toList();
    for (String orphan : goldens.orphans(ids).ids()) {
      problems.add(
          "orphan golden "
              + orphan
              + " (its case is gone from the suite): delete it with `parity prune "
              + suite.key()
              + "` or restore the case");
    }
    for (PendingResult result : pending.list()) {
      if (result.info().suite().equals(suite.key())) {
        problems.add(
            "pending result of "
                + result.caseId()
                + " (from `parity "
                + result.source().label()
                + "`): accept or reject it with `parity review "
                + suite.key()
                + "`");
      }
    }
    for (String id : goldens.caseIds()) {
      Optional<AcceptedDifference> accepted = goldens.accepted(id).map(Accepted::difference);
      // Without a candidate version a version bound cannot be judged here; verify fails the
      // case itself while it differs.
      Optional<String> expiry =
          accepted.flatMap(
              a ->
                  version.isPresent() || a.expired(today)
                      ? a.expiry(today, version)
                      : Optional.empty());
      if (expiry.isPresent()) {
        problems.add(
            "accepted difference of "
                + id
                + " "
                + expiry.get().replaceFirst("^accepted difference ", "")
                + accepted.get().ticketNote()
                + ": fix the candidate, or accept the difference again with a later --until");
      }
    }
    return List.copyOf(problems);
  }

  /** {@link #problems} with today taken from {@code options}' clock. */
  public static List<String> problems(
      Suite suite, GoldenStore goldens, PendingStore pending, RunOptions options)
      throws IOException {
    return problems(
        suite, goldens, pending, AcceptedCheck.today(options.clock()), options.candidateVersion());
  }
}
