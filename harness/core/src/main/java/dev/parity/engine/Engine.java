package dev.parity.engine;

import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.ReadGolden;
import dev.parity.noise.Noise;
import dev.parity.noise.NoiseProbe;
import dev.parity.noise.Suggestions;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.RuleStats;
import dev.parity.redact.RedactingRunner;
import dev.parity.redact.Redactor;
import dev.parity.run.Observation;
import dev.parity.run.ObservationSink;
import dev.parity.run.Reference;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Runs a suite in one of the three modes and returns its verdict. Writes goldens only in record
 * mode.
 */
public final class Engine {
  private final RedactingRunner runner;
  private final Progress progress;
  private final NoiseProbe probe;
  private final CaseJudge judge;
  private final GoldenRecorder recorder;
  private final AcceptedCheck acceptance;

  public Engine(Runner runner, ObservationComparator comparator, Progress progress) {
    this(runner, comparator, progress, ObservationSink.NONE);
  }

  public Engine(
      Runner runner, ObservationComparator comparator, Progress progress, ObservationSink sink) {
    // Secrets are replaced by hash markers as observations arrive: nothing after this sees them.
    this.runner = Redactor.runner(runner);
    this.progress = progress;
    this.probe = new NoiseProbe(this.runner, comparator);
    this.judge = new CaseJudge(comparator, sink);
    this.recorder = new GoldenRecorder(comparator, sink);
    this.acceptance = new AcceptedCheck(comparator);
  }

  /**
   * Runs legacy and stores its observations as goldens; extra legacy runs find noise. A changed
   * golden (and, with {@link RunOptions#pendingOnly}, a new case) becomes a pending result.
   *
   * @throws GoldenException when the golden folder is locked by another record, holds a symbolic
   *     link or cannot be written: nothing was run or written
   */
  public Verdict record(Suite suite, GoldenStore goldens, RunOptions options) {
    Normalization state = new Normalization();
    PendingRecorder pending = PendingRecorder.of(suite, Mode.RECORD, options);
    // One record at a time per golden folder, or two runs would mix their goldens.
    try (GoldenStore.Lock lock = goldens.lock()) {
      Verdict verdict =
          run(
              suite,
              Mode.RECORD,
              options,
              state,
              (c, unavailable) ->
                  recordCase(suite, c, goldens, options, pending, unavailable, state));
      verdict = pending.clustered(verdict);
      return options.filter().isPresent() ? verdict : verdict.withReasons(orphans(suite, goldens));
    }
  }

  /** Goldens whose case is gone from the suite: said, never deleted by the harness. */
  private static List<String> orphans(Suite suite, GoldenStore goldens) {
    try {
      return goldens.orphans(suite.cases().stream().map(Case::id).toList()).reason().stream()
          .toList();
    } catch (IOException e) {
      return List.of("could not list the goldens in " + goldens.folder() + ": " + e.getMessage());
    }
  }

  /**
   * Runs the candidate and compares it with the recorded goldens, and a differing one with the
   * case's accepted difference; a failing candidate observation becomes a pending result.
   */
  public Verdict verify(Suite suite, GoldenStore goldens, RunOptions options) {
    Normalization state = new Normalization();
    PendingRecorder pending = PendingRecorder.of(suite, Mode.VERIFY, options);
    LocalDate today = AcceptedCheck.today(options.clock());
    return pending.clustered(
        run(
            suite,
            Mode.VERIFY,
            options,
            state,
            (c, unavailable) ->
                verifyCase(suite, c, goldens, pending, today, options, unavailable, state)));
  }

  /**
   * Runs both sides live and compares them, discounting noise seen between legacy runs; no golden
   * is read or written.
   */
  public Verdict compare(Suite suite, RunOptions options) {
    Normalization state = new Normalization();
    return run(
        suite,
        Mode.COMPARE,
        options,
        state,
        (c, unavailable) -> compareCase(suite, c, options, unavailable, state));
  }

  /** What a run gathers about rules: how often each fired, and suggested rules for noise. */
  private static final class Normalization {
    final RuleStats stats = new RuleStats();
    final Suggestions suggestions = new Suggestions();
  }

  private interface CaseJob {
    CaseResult run(Case testCase, Set<String> unavailable) throws IOException;
  }

  private Verdict run(
      Suite suite, Mode mode, RunOptions options, Normalization state, CaseJob job) {
    List<Case> cases = options.cases(suite);
    cases.forEach(c -> state.stats.declare(suite.rulesFor(c)));
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Set<String> unavailable = new ConcurrentSkipListSet<>();
    List<CaseResult> results =
        ParallelCases.run(cases, options.jobs(), progress, c -> job.run(c, unavailable));
    long durationMs = (System.nanoTime() - start) / 1_000_000;
    return Verdict.of(suite.key(), mode, results, List.copyOf(unavailable), startedAt, durationMs)
        .withNormalization(state.stats.usages(), state.suggestions.yaml());
  }

  private CaseResult recordCase(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      RunOptions options,
      PendingRecorder pending,
      Set<String> unavailable,
      Normalization state)
      throws IOException {
    RunOutcome outcome = runner.run(suite, suite.legacy(), testCase);
    Map<String, Long> durations = durations(Side.LEGACY, outcome);
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, outcome, durations, unavailable);
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation observation = outcome.observation().orElseThrow();
    // Taken before the golden is read: a golden replaced in between makes accept refuse, never
    // accept a result judged by another golden.
    String seen = goldens.state(testCase.id());
    if (options.pendingOnly() && goldens.read(testCase.id()).isEmpty()) {
      return pending.pendingOnly(testCase, observation, durations, seen);
    }
    Pipeline pipeline = pipeline(suite, testCase);
    Noise noise = probe(suite, testCase, observation, options.runs(), pipeline, state);
    CaseResult result =
        recorder
            .record(suite, testCase, goldens, options.update(), observation, pipeline, durations)
            .withNoise(noise.noisy(), noise.facts());
    return pending.after(testCase, observation, result, () -> seen);
  }

  private CaseResult verifyCase(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      PendingRecorder pending,
      LocalDate today,
      RunOptions options,
      Set<String> unavailable,
      Normalization state)
      throws IOException {
    // The golden and its state from one read of its meta.yaml: a pending result notes the state of
    // exactly the golden it was judged by.
    Optional<ReadGolden> stored = goldens.readGolden(testCase.id());
    if (stored.isEmpty()) {
      return CaseResult.errored(
          testCase,
          "no golden at "
              + goldens.caseFolder(testCase.id())
              + "; record it first with `parity record`",
          Map.of());
    }
    // A golden stream over the in-memory limit is the candidate's reference: an output equal to it
    // as stored is compared as it arrives and not spooled again (as legacy's in compareCase). The
    // checksums of golden streams on disk are computed meanwhile (by a second JVM when large), as
    // are their redaction scans: the candidate runs against the golden unchecked, and it is checked
    // before anything is judged, so a damaged golden is an error as before, never a pass.
    RedactingRunner.AgainstStored run =
        runner.runAgainstStored(suite, suite.candidate(), testCase, stored.get().unchecked());
    stored.get().observation();
    Observation golden = run.stored();
    RunOutcome outcome = run.outcome();
    Map<String, Long> durations = durations(Side.CANDIDATE, outcome);
    Optional<CaseResult> failed =
        failure(testCase, Side.CANDIDATE, outcome, durations, unavailable);
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation candidate = outcome.observation().orElseThrow();
    Pipeline pipeline = pipeline(suite, testCase);
    CaseResult result =
        judge.judge(
            suite, testCase, pipeline, golden, candidate, durations, state.stats, Noise.NONE);
    result =
        acceptance.check(
            suite,
            testCase,
            goldens,
            pipeline,
            candidate,
            result,
            today,
            options.candidateVersion(),
            stored.get()::state);
    return pending.after(testCase, candidate, result, stored.get()::state);
  }

  private CaseResult compareCase(
      Suite suite,
      Case testCase,
      RunOptions options,
      Set<String> unavailable,
      Normalization state) {
    // The noise probe's extra legacy runs come after the candidate's, so that legacy's runs bracket
    // it in time: whatever drifts with time (a clock's seconds, a counter) and shows in the
    // candidate also shows between legacy's runs. Probing first held one output less in memory,
    // but a candidate that crossed a second after two legacy runs within one failed on its clock.
    RunOutcome legacy = runner.run(suite, suite.legacy(), testCase);
    // Outputs over the in-memory limit equal to legacy's are not spooled again (Reference).
    Reference expected = legacy.observation().map(Reference::of).orElse(Reference.NONE);
    RunOutcome candidate = runner.run(suite, suite.candidate(), testCase, expected);
    Map<String, Long> durations = new LinkedHashMap<>(durations(Side.LEGACY, legacy));
    durations.putAll(durations(Side.CANDIDATE, candidate));
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, legacy, durations, unavailable);
    if (failed.isEmpty()) {
      failed = failure(testCase, Side.CANDIDATE, candidate, durations, unavailable);
    }
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation first = legacy.observation().orElseThrow();
    Pipeline pipeline = pipeline(suite, testCase);
    Noise noise = probe(suite, testCase, first, options.runs(), pipeline, state);
    if (options.noise() == NoiseMode.DETECT) {
      noise = noise.detectedOnly();
    }
    return judge.judge(
        suite,
        testCase,
        pipeline,
        first,
        candidate.observation().orElseThrow(),
        durations,
        state.stats,
        noise);
  }

  private Noise probe(
      Suite suite,
      Case testCase,
      Observation first,
      int runs,
      Pipeline pipeline,
      Normalization state) {
    Noise noise = probe.probe(suite, testCase, first, runs, pipeline, state.stats);
    state.suggestions.add(testCase.id(), noise.rules());
    return noise;
  }

  /** The case's rules, bounded by its timeout. */
  static Pipeline pipeline(Suite suite, Case testCase) {
    return new Pipeline(suite.rulesFor(testCase)).within(suite.timeoutOf(testCase));
  }

  /** An error result when {@code outcome} has no observation; unavailable sides are noted. */
  private static Optional<CaseResult> failure(
      Case testCase,
      Side side,
      RunOutcome outcome,
      Map<String, Long> durations,
      Set<String> unavailable) {
    if (outcome instanceof RunOutcome.Unavailable missing) {
      unavailable.add(side.label() + " implementation could not be run: " + missing.reason());
    }
    return outcome.problem(side).map(problem -> CaseResult.errored(testCase, problem, durations));
  }

  private static Map<String, Long> durations(Side side, RunOutcome outcome) {
    return Map.of(side.label(), outcome.duration().toMillis());
  }
}
