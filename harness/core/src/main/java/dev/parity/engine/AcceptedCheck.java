package dev.parity.engine;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.golden.Accepted;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.SemanticVersion;
import dev.parity.golden.Until;
import dev.parity.normalize.Pipeline;
import dev.parity.redact.Redactor;
import dev.parity.run.Observation;
import dev.parity.verdict.Acceptance;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges a case that differs from its golden against the case's accepted difference: the candidate
 * passes as {@code accepted} when it equals the accepted candidate observation after the suite's
 * normalization (the same comparison as against the golden) and the difference has not expired;
 * otherwise it fails, saying why the acceptance no longer holds.
 */
final class AcceptedCheck {
  private final ObservationComparator comparator;

  AcceptedCheck(ObservationComparator comparator) {
    this.comparator = comparator;
  }

  /** Today in UTC: {@code until} is a UTC date, inclusive. */
  static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * {@code result} judged again against the case's accepted difference, if it has one; {@code
   * golden} gives the {@link GoldenStore#state} of the golden {@code result} was judged by (asked
   * only for a failing case with an accepted difference).
   */
  CaseResult check(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      Pipeline pipeline,
      Observation candidate,
      CaseResult result,
      LocalDate today,
      Optional<SemanticVersion> version,
      Supplier<String> golden) {
    if (result.status() != Status.FAIL) {
      return result;
    }
    Optional<Accepted> accepted = goldens.accepted(testCase.id());
    if (accepted.isEmpty()) {
      return result;
    }
    AcceptedDifference difference = accepted.get().difference();
    if (accepted.get().acceptedAgainstAnother(golden.get())) {
      // Legacy changed (record --update, accept --legacy): how the candidate differs from the new
      // golden was never reviewed.
      return result.withFacts(
          List.of(
              new Fact(
                  "accepted",
                  "the golden changed since the difference was accepted"
                      + difference.ticketNote()
                      + "; review the case and accept it again")));
    }
    Optional<String> expiry = difference.expiry(today, version);
    if (expiry.isPresent()) {
      return result.withFacts(
          List.of(new Fact("accepted", expiry.get() + difference.ticketNote())));
    }
    Observation expected =
        Redactor.of(suite.redaction()).forCase(testCase).apply(accepted.get().observation());
    Pipeline.Result normalized = pipeline.apply(expected, candidate);
    boolean same =
        comparator
            .compare(suite.compare(), normalized.legacy(), normalized.candidate())
            .isIdentical();
    if (same) {
      return result.asAccepted(
          Acceptance.of(
              difference.reason(),
              difference.ticket(),
              difference.until().map(Until::label),
              difference.by(),
              difference.at()));
    }
    return result.withFacts(
        List.of(
            new Fact(
                "accepted",
                "candidate changed since the difference was accepted" + difference.ticketNote())));
  }
}
