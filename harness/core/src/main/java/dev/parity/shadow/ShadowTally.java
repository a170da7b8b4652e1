package dev.parity.shadow;

import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Counts;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Group;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running verdict of a shadow session: counts of every compared request per route group, and a
 * bounded sample of results (every kind of mismatch is kept up to {@link #KEPT_PER_GROUP} per
 * group) so memory stays flat however long the proxy runs.
 */
final class ShadowTally {
  /** Results kept per group and status for clusters and examples; counts cover them all. */
  static final int KEPT_PER_GROUP = 200;

  private final String suite;
  private final Instant startedAt = Instant.now();
  private final long start = System.nanoTime();
  private final SortedMap<String, GroupTally> groups = new TreeMap<>();
  // Counted on the clients' path, without the lock: a client never waits while a (low-priority)
  // comparison or the verdict's writer holds it.
  private final LongAdder received = new LongAdder();
  private final LongAdder notMirrored = new LongAdder();
  private final LongAdder legacyFailures = new LongAdder();

  ShadowTally(String suite) {
    this.suite = suite;
  }

  private static final class GroupTally {
    final List<CaseResult> kept = new ArrayList<>();
    final Map<Status, Integer> keptByStatus = new TreeMap<>();
    int passed;
    int failed;
    int errors;
    int accepted;

    Counts counts() {
      return new Counts(passed + failed + errors + accepted, passed, failed, errors, accepted);
    }
  }

  /** A request the client sent (whether or not it is compared). */
  void received(boolean mirrored, boolean legacyFailed) {
    received.increment();
    if (!mirrored) {
      notMirrored.increment();
    }
    if (legacyFailed) {
      legacyFailures.increment();
    }
  }

  synchronized void add(String group, CaseResult result) {
    GroupTally tally = groups.computeIfAbsent(group, g -> new GroupTally());
    switch (result.status()) {
      case PASS -> tally.passed++;
      case FAIL -> tally.failed++;
      case ERROR -> tally.errors++;
      case ACCEPTED -> tally.accepted++;
    }
    int kept = tally.keptByStatus.getOrDefault(result.status(), 0);
    if (kept < KEPT_PER_GROUP) {
      tally.keptByStatus.put(result.status(), kept + 1);
      tally.kept.add(result);
    }
  }

  /**
   * The verdict so far: decision legacy unless every compared request of every group passed, and
   * legacy too while nothing was compared; {@code dropped} requests (queue full) are said.
   */
  synchronized Verdict verdict(long dropped, long waiting) {
    List<CaseResult> all = new ArrayList<>();
    SortedMap<String, Group> decided = new TreeMap<>();
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int accepted = 0;
    for (Map.Entry<String, GroupTally> entry : groups.entrySet()) {
      GroupTally tally = entry.getValue();
      all.addAll(tally.kept);
      Counts counts = tally.counts();
      passed += counts.passed();
      failed += counts.failed();
      errors += counts.errors();
      accepted += counts.accepted();
      Verdict group = Verdict.of(suite, Mode.COMPARE, tally.kept, List.of(), startedAt, 0);
      List<String> reasons = new ArrayList<>();
      reasons.add(sentence(counts));
      reasons.addAll(group.reasons());
      decided.put(entry.getKey(), new Group(group.decision(), reasons, counts, Optional.empty()));
    }
    long durationMs = (System.nanoTime() - start) / 1_000_000;
    Verdict judged = Verdict.of(suite, Mode.COMPARE, all, List.of(), startedAt, durationMs);
    Counts total =
        new Counts(passed + failed + errors + accepted, passed, failed, errors, accepted);
    List<String> reasons = new ArrayList<>();
    reasons.add(
        received.sum()
            + " requests received, "
            + total.total()
            + " compared, "
            + notMirrored.sum()
            + " not mirrored (methods with side effects, too large, or not sendable as they came), "
            + dropped
            + " dropped from comparison (queue full), "
            + waiting
            + " waiting, "
            + legacyFailures.sum()
            + " answered by legacy with an error (5xx or unreachable)");
    reasons.add(sentence(total));
    reasons.addAll(judged.reasons());
    return judged.toBuilder()
        .decision(total.total() == 0 ? Decision.LEGACY : judged.decision())
        .counts(total)
        .reasons(reasons)
        .groups(decided)
        .build();
  }

  private static String sentence(Counts counts) {
    return counts.total()
        + " compared: "
        + counts.passed()
        + " passed, "
        + counts.failed()
        + " failed, "
        + counts.errors()
        + " errors";
  }
}
