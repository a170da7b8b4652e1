package dev.parity.engine;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Rule;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
import dev.parity.noise.Discounted;
import dev.parity.noise.NoiseMask;
import dev.parity.noise.RuleSuggester;
import dev.parity.noise.Suggestions;
import dev.parity.normalize.NormalizationTimeoutException;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.RuleStats;
import dev.parity.redact.Redactor;
import dev.parity.run.Observation;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a suite in one of the three modes and returns its verdict. Writes goldens only in record
 * mode.
 */
public final class Engine {
  private final Runner runner;
  private final ObservationComparator comparator;
  private final Progress progress;
  private final ObservationSink sink;
  private final RuleSuggester suggester = new RuleSuggester();

  /** Noisy tokens and discounted differences stated as facts (all are in verdict.json). */
  private static final int MAX_NOISE_FACTS = 20;

  public Engine(Runner runner, ObservationComparator comparator, Progress progress) {
    this(runner, comparator, progress, ObservationSink.NONE);
  }

  public Engine(
      Runner runner, ObservationComparator comparator, Progress progress, ObservationSink sink) {
    // Secrets are replaced by hash markers as observations arrive: nothing after this sees them.
    this.runner = Redactor.runner(runner);
    this.comparator = comparator;
    this.progress = progress;
    this.sink = sink;
  }

  /**
   * Runs legacy and stores its observations as goldens; extra legacy runs find noise.
   *
   * @throws GoldenException when the golden folder is locked by another record, holds a symbolic
   *     link or cannot be written: nothing was run or written
   */
  public Verdict record(Suite suite, GoldenStore goldens, RunOptions options) {
    Normalization state = new Normalization();
    // One record at a time per golden folder, or two runs would mix their goldens.
    try (GoldenStore.Lock lock = goldens.lock()) {
      Verdict verdict =
          run(
              suite,
              Mode.RECORD,
              options,
              state,
              (c, unavailable) -> recordCase(suite, c, goldens, options, unavailable, state));
      return options.filter().isPresent() ? verdict : verdict.withReasons(orphans(suite, goldens));
    }
  }

  /**
   * Goldens whose case is gone from the suite (deleted or renamed): said, never deleted by the
   * harness.
   */
  private static List<String> orphans(Suite suite, GoldenStore goldens) {
    List<String> ids;
    try {
      ids = goldens.caseIds();
    } catch (IOException e) {
      return List.of("could not list the goldens in " + goldens.folder() + ": " + e.getMessage());
    }
    Set<String> cases = new java.util.HashSet<>();
    suite.cases().forEach(c -> cases.add(c.id()));
    List<String> orphans = ids.stream().filter(id -> !cases.contains(id)).toList();
    if (orphans.isEmpty()) {
      return List.of();
    }
    String shown =
        String.join(", ", orphans.subList(0, Math.min(5, orphans.size())))
            + (orphans.size() > 5 ? " and " + (orphans.size() - 5) + " more" : "");
    return List.of(
        orphans.size()
            + (orphans.size() == 1 ? " golden has" : " goldens have")
            + " no case in the suite any more (deleted or renamed?): "
            + shown
            + "; delete "
            + (orphans.size() == 1 ? "its folder" : "their folders")
            + " under "
            + goldens.folder()
            + " or restore the case");
  }

  /** Runs the candidate and compares it with the recorded goldens. */
  public Verdict verify(Suite suite, GoldenStore goldens, RunOptions options) {
    Normalization state = new Normalization();
    return run(
        suite,
        Mode.VERIFY,
        options,
        state,
        (c, unavailable) -> verifyCase(suite, c, goldens, unavailable, state));
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
    List<Case> cases = select(suite, options.filter());
    cases.forEach(c -> state.stats.declare(suite.rulesFor(c)));
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Set<String> unavailable = new ConcurrentSkipListSet<>();
    progress.started(cases.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, cases.size())));
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (Case testCase : cases) {
        futures.add(
            pool.submit(
                () -> {
                  CaseResult result;
                  try {
                    result = job.run(testCase, unavailable);
                  } catch (GoldenException | IOException | NormalizationTimeoutException e) {
                    result = error(testCase, e.getMessage(), Map.of());
                  }
                  progress.finished(result);
                  return result;
                }));
      }
      List<CaseResult> results = new ArrayList<>();
      for (Future<CaseResult> future : futures) {
        results.add(await(future));
      }
      long durationMs = (System.nanoTime() - start) / 1_000_000;
      return Verdict.of(suite.key(), mode, results, List.copyOf(unavailable), startedAt, durationMs)
          .withNormalization(state.stats.usages(), state.suggestions.yaml());
    } finally {
      pool.shutdownNow();
    }
  }

  private static CaseResult await(Future<CaseResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a case", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a case crashed the harness: " + e.getCause(), e.getCause());
    }
  }

  /** The cases whose id matches {@code glob}; an empty selection is a usage error. */
  public static List<Case> select(Suite suite, Optional<String> glob) {
    if (glob.isEmpty()) {
      return suite.cases();
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          suite.folder(), "--filter [" + glob.get() + "] is not a valid glob: " + e.getMessage());
    }
    List<Case> selected =
        suite.cases().stream().filter(c -> matcher.matches(Path.of(c.id()))).toList();
    if (selected.isEmpty()) {
      throw new ConfigException(
          suite.folder(),
          "--filter ["
              + glob.get()
              + "] matches none of the "
              + suite.cases().size()
              + " case ids; ids look like ["
              + suite.cases().stream().findFirst().map(Case::id).orElse("none")
              + "], and * does not cross '/', use ** for that");
    }
    return selected;
  }

  private CaseResult recordCase(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      RunOptions options,
      Set<String> unavailable,
      Normalization state)
      throws IOException {
    RunOutcome outcome = runner.run(suite, suite.legacy(), testCase);
    Map<String, Long> durations = durations(Side.LEGACY, outcome);
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, outcome, durations, unavailable);
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation observation = ((RunOutcome.Completed) outcome).observation();
    Pipeline pipeline = new Pipeline(suite.rulesFor(testCase)).within(suite.timeoutOf(testCase));
    Noise noise = noise(suite, testCase, observation, options.runs(), pipeline, state);
    boolean update = options.update();
    Optional<Observation> previous =
        (update ? goldens.readIfIntact(testCase.id()) : goldens.read(testCase.id()))
            .map(Redactor.of(suite.redaction()).forCase(testCase)::apply);
    Path where = goldens.caseFolder(testCase.id());
    if (previous.isPresent() && !pipeline.isEmpty() && !previous.get().sameContentAs(observation)) {
      Pipeline.Result normalized = pipeline.apply(previous.get(), observation);
      if (comparator
          .compare(suite.compare(), normalized.legacy(), normalized.candidate())
          .isIdentical()) {
        // Only normalized parts changed (a timestamp): keep the golden, so re-recording causes no
        // churn.
        return pass(
                testCase,
                "golden unchanged",
                List.of(
                    new Fact(
                        "golden", "kept: this run differs from it only where rules normalize")),
                durations)
            .withNoise(List.of(), noise.noisy(), noise.facts());
      }
    }
    GoldenStore.WriteResult written = goldens.write(testCase.id(), observation, options.update());
    CaseResult result =
        switch (written) {
          case CREATED ->
              pass(
                  testCase,
                  "golden created",
                  List.of(new Fact("golden", "created in " + where)),
                  durations);
          case UNCHANGED -> pass(testCase, "golden unchanged", List.of(), durations);
          case UPDATED -> {
            Comparison change =
                previous.isPresent()
                    ? comparator.compare(suite.compare(), previous.get(), observation)
                    : Comparison.identical();
            yield new CaseResult(
                testCase.id(),
                testCase.tags(),
                Status.PASS,
                "golden updated",
                List.of(),
                concat(List.of(new Fact("golden", "updated in " + where)), change.facts()),
                change.diffs(),
                durations);
          }
          case KEPT -> {
            Pipeline.Result normalized = pipeline.apply(previous.orElseThrow(), observation);
            Comparison change =
                comparator.compare(suite.compare(), normalized.legacy(), normalized.candidate());
            List<Fact> facts = new ArrayList<>(change.facts());
            facts.add(
                new Fact(
                    "golden",
                    "left unchanged in " + where + "; re-run with --update to replace it"));
            yield new CaseResult(
                testCase.id(),
                testCase.tags(),
                Status.FAIL,
                "legacy output changed since the golden was recorded",
                facts,
                change.notes(),
                change.diffs(),
                durations,
                change.jsonChanges(),
                false,
                List.of());
          }
        };
    return result.withNoise(result.jsonChanges(), noise.noisy(), noise.facts());
  }

  /**
   * What extra legacy runs showed: whether the case is noisy, the facts, and rules that cover it.
   */
  private record Noise(boolean noisy, List<Fact> facts, List<Rule> rules, NoiseMask mask) {
    static final Noise NONE = new Noise(false, List.of(), List.of(), NoiseMask.NONE);

    /** {@code --noise detect}: the noise is reported, nothing is discounted. */
    Noise detectedOnly() {
      if (mask.isEmpty()) {
        return this;
      }
      List<Fact> said = new ArrayList<>(facts);
      said.add(new Fact("noise", "detected, not discounted (--noise detect)"));
      return new Noise(noisy, said, rules, NoiseMask.NONE);
    }
  }

  /**
   * Runs legacy {@code runs - 1} more times and compares each run with {@code first} after
   * normalization. Differences are noise; the suggested rules that would cover them are gathered.
   */
  private Noise noise(
      Suite suite,
      Case testCase,
      Observation first,
      int runs,
      Pipeline pipeline,
      Normalization state) {
    List<Fact> facts = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    NoiseMask mask = NoiseMask.NONE;
    boolean noisy = false;
    for (int run = 2; run <= runs; run++) {
      RunOutcome again = runner.run(suite, suite.legacy(), testCase);
      if (!(again instanceof RunOutcome.Completed)) {
        String reason =
            again instanceof RunOutcome.Failed f
                ? f.reason()
                : ((RunOutcome.Unavailable) again).reason();
        facts.add(new Fact("noise", "legacy run " + run + " did not complete: " + reason));
        noisy = true;
        continue;
      }
      Observation other = ((RunOutcome.Completed) again).observation();
      Pipeline.Result normalized = pipeline.apply(first, other);
      state.stats.add(pipeline.rules(), normalized.fired());
      Comparison comparison =
          comparator.compare(suite.compare(), normalized.legacy(), normalized.candidate());
      if (comparison.isIdentical()) {
        continue;
      }
      NoiseMask found =
          NoiseMask.between(
              normalized.legacy(),
              normalized.candidate(),
              stream -> CompareTarget.compares(suite.compare(), stream));
      mask = mask.plus(found);
      NoiseMask.Applied masked = found.apply(normalized.legacy(), normalized.candidate());
      if (!comparator.compare(suite.compare(), masked.legacy(), masked.candidate()).isIdentical()) {
        facts.add(
            new Fact(
                "noise",
                "legacy runs 1 and "
                    + run
                    + " also differ in ways no token-for-token discount covers (exit code, lines"
                    + " added or removed, tokens split differently): those are never discounted"));
      }
      for (Fact fact : comparison.facts()) {
        facts.add(
            new Fact(
                "noise " + fact.key(), "legacy runs 1 and " + run + " differ: " + fact.message()));
      }
      for (Rule rule :
          suggester.suggest(
              normalized.legacy(),
              normalized.candidate(),
              stream -> CompareTarget.compares(suite.compare(), stream))) {
        if (rules.stream()
            .noneMatch(r -> r.label().equals(rule.label()) && r.streams().equals(rule.streams()))) {
          rules.add(rule);
        }
      }
      Pipeline.Result covered = pipeline.then(rules).apply(first, other);
      if (!comparator
          .compare(suite.compare(), covered.legacy(), covered.candidate())
          .isIdentical()) {
        facts.add(
            new Fact(
                "noise",
                "no suggested rule covers every difference between legacy runs 1 and " + run));
      }
      noisy = true;
    }
    for (Rule rule : rules) {
      facts.add(
          new Fact("suggested rule", rule.label() + " on " + String.join(", ", rule.streams())));
    }
    if (!rules.isEmpty()) {
      state.suggestions.add(testCase.id(), rules);
    }
    return facts.isEmpty() ? Noise.NONE : new Noise(noisy, facts, rules, mask);
  }

  private CaseResult verifyCase(
      Suite suite,
      Case testCase,
      GoldenStore goldens,
      Set<String> unavailable,
      Normalization state) {
    Optional<Observation> golden =
        goldens.read(testCase.id()).map(Redactor.of(suite.redaction()).forCase(testCase)::apply);
    if (golden.isEmpty()) {
      return error(
          testCase,
          "no golden at "
              + goldens.caseFolder(testCase.id())
              + "; record it first with `parity record`",
          Map.of());
    }
    RunOutcome outcome = runner.run(suite, suite.candidate(), testCase);
    Map<String, Long> durations = durations(Side.CANDIDATE, outcome);
    return failure(testCase, Side.CANDIDATE, outcome, durations, unavailable)
        .orElseGet(
            () ->
                judge(
                    suite,
                    testCase,
                    new Pipeline(suite.rulesFor(testCase)).within(suite.timeoutOf(testCase)),
                    golden.get(),
                    ((RunOutcome.Completed) outcome).observation(),
                    durations,
                    state,
                    Noise.NONE));
  }

  private CaseResult compareCase(
      Suite suite,
      Case testCase,
      RunOptions options,
      Set<String> unavailable,
      Normalization state) {
    RunOutcome legacy = runner.run(suite, suite.legacy(), testCase);
    RunOutcome candidate = runner.run(suite, suite.candidate(), testCase);
    Map<String, Long> durations = new LinkedHashMap<>(durations(Side.LEGACY, legacy));
    durations.putAll(durations(Side.CANDIDATE, candidate));
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, legacy, durations, unavailable);
    if (failed.isEmpty()) {
      failed = failure(testCase, Side.CANDIDATE, candidate, durations, unavailable);
    }
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation first = ((RunOutcome.Completed) legacy).observation();
    Pipeline pipeline = new Pipeline(suite.rulesFor(testCase)).within(suite.timeoutOf(testCase));
    Noise noise = noise(suite, testCase, first, options.runs(), pipeline, state);
    if (options.noise() == NoiseMode.DETECT) {
      noise = noise.detectedOnly();
    }
    return judge(
        suite,
        testCase,
        pipeline,
        first,
        ((RunOutcome.Completed) candidate).observation(),
        durations,
        state,
        noise);
  }

  /**
   * Normalizes both sides, compares them and states the outcome. Legacy noise is discounted by
   * adding the rules suggested for it after the declared ones, and listed, never silently.
   */
  private CaseResult judge(
      Suite suite,
      Case testCase,
      Pipeline declared,
      Observation legacy,
      Observation candidate,
      Map<String, Long> durations,
      Normalization state,
      Noise noise) {
    Pipeline.Result normalized = declared.apply(legacy, candidate);
    state.stats.add(declared.rules(), normalized.fired());
    // Only the tokens where legacy runs differed, each for a value of the same shape.
    NoiseMask.Applied discounted = noise.mask().apply(normalized.legacy(), normalized.candidate());
    sink.accept(testCase, Side.LEGACY, legacy, discounted.legacy());
    sink.accept(testCase, Side.CANDIDATE, candidate, discounted.candidate());
    Comparison comparison =
        comparator.compare(suite.compare(), discounted.legacy(), discounted.candidate());
    List<Fact> notes = new ArrayList<>(comparison.notes());
    List<Fact> ruleNotes = new ArrayList<>();
    for (Pipeline.Note note : normalized.notes()) {
      ruleNotes.add(
          new Fact(
              ObservationComparator.label(note.stream()), note.side() + ": " + note.message()));
    }
    List<Fact> noiseFacts = new ArrayList<>(noise.facts());
    if (!noise.mask().isEmpty()) {
      noiseFacts.add(
          new Fact(
              "noise",
              "discounted: only the tokens where legacy runs differed, each for a value of the same"
                  + " shape; "
                  + discounted.discounted().size()
                  + " difference"
                  + (discounted.discounted().size() == 1 ? "" : "s")
                  + " discounted"));
      noise
          .mask()
          .describe(MAX_NOISE_FACTS)
          .forEach(d -> noiseFacts.add(new Fact("noisy token", d)));
      List<Discounted> listed = discounted.discounted();
      for (Discounted d : listed.subList(0, Math.min(MAX_NOISE_FACTS, listed.size()))) {
        noiseFacts.add(
            new Fact("discounted " + ObservationComparator.label(d.stream()), d.describe()));
      }
      if (listed.size() > MAX_NOISE_FACTS) {
        noiseFacts.add(
            new Fact(
                "discounted",
                "... and " + (listed.size() - MAX_NOISE_FACTS) + " more, all in verdict.json"));
      }
    }
    // Both sides agreeing on "no file" is not "identical": the case declared the file.
    List<Fact> missing = MissingOutputs.of(testCase, legacy, candidate);
    if (!missing.isEmpty() && !testCase.optional()) {
      return error(
          testCase,
          missing.get(0).key() + " was written by neither side",
          concat(missing, comparison.facts()),
          durations);
    }
    notes.addAll(missing);
    CaseResult result;
    if (comparison.isIdentical()) {
      notes.addAll(ruleNotes);
      result =
          new CaseResult(
              testCase.id(),
              testCase.tags(),
              Status.PASS,
              "identical",
              List.of(),
              notes,
              List.of(),
              durations);
    } else {
      String summary =
          comparison.facts().stream()
                  .map(Fact::key)
                  .distinct()
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("output")
              + " differ";
      // A rule that could not apply (not valid JSON) explains the mismatch, so it is stated with
      // it.
      result =
          new CaseResult(
              testCase.id(),
              testCase.tags(),
              Status.FAIL,
              summary,
              concat(comparison.facts(), ruleNotes),
              notes,
              comparison.diffs(),
              durations);
    }
    return result
        .withNoise(comparison.jsonChanges(), noise.noisy(), noiseFacts)
        .withDiscounted(discounted.discounted());
  }

  private static Optional<CaseResult> failure(
      Case testCase,
      Side side,
      RunOutcome outcome,
      Map<String, Long> durations,
      Set<String> unavailable) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this chain exhaustive.
    if (outcome instanceof RunOutcome.Failed failed) {
      return Optional.of(error(testCase, side.label() + " " + failed.reason(), durations));
    }
    if (outcome instanceof RunOutcome.Unavailable missing) {
      unavailable.add(side.label() + " implementation could not be run: " + missing.reason());
      return Optional.of(
          error(testCase, side.label() + " could not be run: " + missing.reason(), durations));
    }
    return Optional.empty();
  }

  private static CaseResult error(Case testCase, String message, Map<String, Long> durations) {
    return error(testCase, message, List.of(new Fact("error", message)), durations);
  }

  private static CaseResult error(
      Case testCase, String summary, List<Fact> facts, Map<String, Long> durations) {
    return new CaseResult(
        testCase.id(),
        testCase.tags(),
        Status.ERROR,
        summary,
        facts,
        List.of(),
        List.of(),
        durations);
  }

  private static CaseResult pass(
      Case testCase, String summary, List<Fact> notes, Map<String, Long> durations) {
    return new CaseResult(
        testCase.id(),
        testCase.tags(),
        Status.PASS,
        summary,
        List.of(),
        notes,
        List.of(),
        durations);
  }

  private static Map<String, Long> durations(Side side, RunOutcome outcome) {
    return Map.of(side.label(), outcome.duration().toMillis());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
