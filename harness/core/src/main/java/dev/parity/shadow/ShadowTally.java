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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
  private final ConcurrentMap<String, LongAdder> notMirroredByGroup = new ConcurrentHashMap<>();
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

  /** A request of route {@code group} the client sent (whether or not it is compared). */
  void received(String group, boolean mirrored, boolean legacyFailed) {
    received.increment();
    if (!mirrored) {
      notMirroredByGroup.computeIfAbsent(group, g -> new LongAdder()).increment();
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
   * legacy too while nothing was compared; {@code dropped} requests (queue full) are said. A group
   * with requests that were not compared at all (writes, bodies over the cap, ...) decides legacy,
   * and so does the whole verdict: routing the group to the candidate would send it those requests
   * unverified.
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
      Optional<String> unverified = unverified(entry.getKey());
      unverified.ifPresent(reasons::add);
      reasons.addAll(group.reasons());
      Decision decision = unverified.isPresent() ? Decision.LEGACY : group.decision();
      decided.put(entry.getKey(), new Group(decision, reasons, counts, Optional.empty()));
    }
    for (String name : notMirroredByGroup.keySet()) {
      if (!decided.containsKey(name)) {
        Counts none = new Counts(0, 0, 0, 0, 0);
        List<String> reasons = new ArrayList<>(List.of(sentence(none)));
        unverified(name).ifPresent(reasons::add);
        decided.put(name, new Group(Decision.LEGACY, reasons, none, Optional.empty()));
      }
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
            + notMirrored()
            + " not mirrored (methods with side effects, too large, or not sendable as they came), "
            + dropped
            + " dropped from comparison (queue full), "
            + waiting
            + " waiting, "
            + legacyFailures.sum()
            + " answered by legacy with an error (5xx or unreachable)");
    reasons.add(sentence(total));
    long unverified = notMirrored();
    if (unverified > 0) {
      reasons.add(
          unverified
              + " requests were not compared (see above): the candidate would get them unverified;"
              + " compare them with a suite, or with http.allowSideEffects: true for writes");
    }
    reasons.addAll(judged.reasons());
    return judged.toBuilder()
        .decision(total.total() == 0 || unverified > 0 ? Decision.LEGACY : judged.decision())
        .counts(total)
        .reasons(reasons)
        .groups(decided)
        .build();
  }

  /** Requests not compared, in every group. */
  private long notMirrored() {
    return notMirroredByGroup.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Why group {@code name} cannot go to the candidate for requests it never compared. */
  private Optional<String> unverified(String name) {
    LongAdder count = notMirroredByGroup.get(name);
    if (count == null || count.sum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        count.sum()
            + " requests of group "
            + name
            + " were not compared (methods with side effects, too large, or not sendable as they"
            + " came): routing "
            + name
            + " to the candidate would send it those requests unverified");
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
