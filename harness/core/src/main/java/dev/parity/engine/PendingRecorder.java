package dev.parity.engine;

import dev.parity.diff.Fact;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.PendingInfo;
import dev.parity.golden.PendingStore;
import dev.parity.run.Observation;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Clusters;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the pending results of the cases a run judged: a failing case's new observation is stored
 * (legacy from {@code record}, candidate from {@code verify}), replacing the case's previous
 * pending result; a passing case drops its pending result; an errored case keeps it (there is no
 * new observation). Without an output folder it keeps nothing.
 */
final class PendingRecorder {
  private final Optional<PendingStore> store;
  private final String suite;
  private final Mode mode;
  private final Clock clock;
  private final Set<String> stored = ConcurrentHashMap.newKeySet();

  private PendingRecorder(Optional<PendingStore> store, String suite, Mode mode, Clock clock) {
    this.store = store;
    this.suite = suite;
    this.mode = mode;
    this.clock = clock;
  }

  /** The pending results of a {@code record} or {@code verify} run of {@code suite}. */
  static PendingRecorder of(Suite suite, Mode mode, RunOptions options) {
    return new PendingRecorder(
        options.out().map(PendingStore::new), suite.key(), mode, options.clock());
  }

  /**
   * Stores or drops the case's pending result after {@code result}, which {@code observation} of
   * the run's side led to, judged by the golden whose {@code GoldenStore.state} {@code golden}
   * gives (asked only when a pending result is stored); the result notes where a stored one is.
   */
  CaseResult after(
      Case testCase, Observation observation, CaseResult result, Supplier<String> golden)
      throws IOException {
    if (store.isEmpty() || result.status() == Status.ERROR) {
      return result;
    }
    if (result.status().passes()) {
      // Only this run's side: a pending legacy result of record survives a passing verify.
      store.get().drop(testCase.id(), side());
      return result;
    }
    return result.withNotes(List.of(store(testCase, observation, golden.get())));
  }

  /**
   * A new case recorded while goldens must not be written (CI): its legacy observation becomes a
   * pending result, and no golden is written.
   */
  CaseResult pendingOnly(
      Case testCase, Observation legacy, Map<String, Long> durations, String golden)
      throws IOException {
    if (store.isEmpty()) {
      return CaseResult.errored(
          testCase,
          "new case not recorded: goldens are not written here (CI) and the run has no output"
              + " folder for pending results",
          durations);
    }
    Fact where = store(testCase, legacy, golden);
    return CaseResult.passed(
        testCase,
        CaseResult.STORED_AS_PENDING,
        List.of(where, new Fact("golden", "not written: goldens are never written in CI")),
        durations);
  }

  private Fact store(Case testCase, Observation observation, String golden) throws IOException {
    PendingStore pending = store.orElseThrow();
    Side side = side();
    PendingInfo.Source source = PendingInfo.Source.of(side);
    pending.write(
        testCase.id(),
        side,
        observation,
        PendingInfo.of(suite, source, mode.label(), clock.instant()),
        golden);
    stored.add(testCase.id());
    return new Fact(
        "pending",
        side.label()
            + " result stored in "
            + pending.folder().resolve(testCase.id())
            + "; review it with `parity review` or `parity accept`/`parity reject`");
  }

  private Side side() {
    return mode == Mode.RECORD ? Side.LEGACY : Side.CANDIDATE;
  }

  /**
   * Notes in the pending results this run stored the cluster each case fell into, the id the run's
   * reports show, so {@code accept --cluster} and review's accept-all-in-cluster find them.
   *
   * @return {@code verdict}, with a reason added when a note could not be written
   */
  Verdict clustered(Verdict verdict) {
    if (store.isEmpty() || stored.isEmpty()) {
      return verdict;
    }
    Map<String, List<String>> ids = Clusters.byCase(verdict.clusters());
    try {
      for (CaseResult result : verdict.fixtures()) {
        List<String> clusters = ids.getOrDefault(result.id(), List.of());
        // Only a case whose changes all lie in one cluster is noted in it: accepting a cluster
        // must never accept a change of another cluster that nobody looked at.
        if (stored.contains(result.id()) && !result.status().passes() && clusters.size() == 1) {
          store.get().cluster(result.id(), clusters.get(0));
        }
      }
    } catch (IOException | RuntimeException e) {
      return verdict.withReasons(
          List.of(
              "could not note the clusters in the pending results ("
                  + e.getMessage()
                  + "); select them with --filter instead of --cluster"));
    }
    return verdict;
  }
}
