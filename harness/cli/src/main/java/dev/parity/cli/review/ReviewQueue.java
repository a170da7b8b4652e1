package dev.parity.cli.review;

import dev.parity.diff.Comparison;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.SideNames;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.normalize.NormalizationException;
import dev.parity.normalize.Pipeline;
import dev.parity.redact.Redactor;
import dev.parity.run.Observation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The pending results of a suite's output folder, each compared with its case's golden. */
public final class ReviewQueue {
  /** How a pending candidate result and the golden are called. */
  static final SideNames CANDIDATE = new SideNames("golden", "candidate");

  private static final Observation NOTHING =
      new Observation(new TreeMap<>(), new TreeMap<>(), Duration.ZERO);

  private ReviewQueue() {}

  /** Every pending result whose case id {@code selected} accepts, in case id order. */
  public static List<ReviewItem> load(
      Suite suite, GoldenStore goldens, PendingStore pending, Predicate<String> selected)
      throws IOException {
    List<ReviewItem> items = new ArrayList<>();
    for (PendingResult result : pending.list()) {
      // Another suite's result in a shared --out is never this suite's to accept.
      if (result.info().suite().equals(suite.key()) && selected.test(result.caseId())) {
        // A case can hold a pending result of each side: each is decided on its own.
        for (Side side : Side.values()) {
          if (result.observation(side).isPresent()) {
            items.add(item(suite, goldens, result, side));
          }
        }
      }
    }
    return List.copyOf(items);
  }

  /** The ids of the cases {@code --filter} selects, or every id when there is no filter. */
  public static Predicate<String> selection(Suite suite, Optional<String> filter) {
    if (filter.isEmpty()) {
      return id -> true;
    }
    Set<String> ids = Set.copyOf(suite.select(filter).stream().map(Case::id).toList());
    return ids::contains;
  }

  static ReviewItem item(Suite suite, GoldenStore goldens, PendingResult result, Side side) {
    Observation pending = result.observation(side).orElse(NOTHING);
    Optional<Case> testCase = suite.find(result.caseId());
    // The golden as verify compares it: with the suite's redaction applied.
    Optional<Observation> golden =
        goldens
            .read(result.caseId())
            .map(
                g ->
                    testCase
                        .map(c -> Redactor.of(suite.redaction()).forCase(c).apply(g))
                        .orElse(g));
    Observation left = golden.orElse(NOTHING);
    Pipeline pipeline =
        testCase
            .map(c -> new Pipeline(suite.rulesFor(c)).within(suite.timeoutOf(c)))
            .orElseGet(() -> new Pipeline(List.of()));
    Observation leftNormalized = left;
    Observation rightNormalized = pending;
    try {
      Pipeline.Result normalized = pipeline.apply(left, pending);
      leftNormalized = normalized.legacy();
      rightNormalized = normalized.candidate();
    } catch (NormalizationException e) {
      // The raw view still shows the difference; the normalized one then equals it.
    }
    SideNames names = side == Side.LEGACY ? SideNames.RECORD : CANDIDATE;
    ObservationComparator comparator = new ObservationComparator().withNames(names);
    Comparison raw = comparator.compare(suite.compare(), left, pending);
    Comparison normalized = comparator.compare(suite.compare(), leftNormalized, rightNormalized);
    return new ReviewItem(
        result.caseId(),
        side,
        result.info(),
        golden.isPresent(),
        pending,
        names,
        raw,
        normalized,
        new ReviewItem.Views(left, pending, leftNormalized, rightNormalized));
  }
}
