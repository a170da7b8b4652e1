package dev.parity.engine;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenException;
import dev.parity.golden.GoldenStore;
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

/** Runs a suite in one of the three modes and returns its verdict. Writes goldens only in record mode. */
public final class Engine {
  private final Runner runner;
  private final ObservationComparator comparator;
  private final Progress progress;
  private final ObservationSink sink;

  public Engine(Runner runner, ObservationComparator comparator, Progress progress) {
    this(runner, comparator, progress, ObservationSink.NONE);
  }

  public Engine(Runner runner, ObservationComparator comparator, Progress progress, ObservationSink sink) {
    this.runner = runner;
    this.comparator = comparator;
    this.progress = progress;
    this.sink = sink;
  }

  /** Runs legacy and stores its observations as goldens. */
  public Verdict record(Suite suite, GoldenStore goldens, RunOptions options) {
    return run(suite, Mode.RECORD, options, (c, unavailable) -> recordCase(suite, c, goldens, options.update(), unavailable));
  }

  /** Runs the candidate and compares it with the recorded goldens. */
  public Verdict verify(Suite suite, GoldenStore goldens, RunOptions options) {
    return run(suite, Mode.VERIFY, options, (c, unavailable) -> verifyCase(suite, c, goldens, unavailable));
  }

  /** Runs both sides live and compares them; no golden is read or written. */
  public Verdict compare(Suite suite, RunOptions options) {
    return run(suite, Mode.COMPARE, options, (c, unavailable) -> compareCase(suite, c, unavailable));
  }

  private interface CaseJob {
    CaseResult run(Case testCase, Set<String> unavailable) throws IOException;
  }

  private Verdict run(Suite suite, Mode mode, RunOptions options, CaseJob job) {
    List<Case> cases = select(suite, options.filter());
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Set<String> unavailable = new ConcurrentSkipListSet<>();
    progress.started(cases.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, cases.size())));
    try {
      List<Future<CaseResult>> futures = new ArrayList<>();
      for (Case testCase : cases) {
        futures.add(
            pool.submit(
                () -> {
                  CaseResult result;
                  try {
                    result = job.run(testCase, unavailable);
                  } catch (GoldenException | IOException e) {
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
      return Verdict.of(suite.key(), mode, results, List.copyOf(unavailable), startedAt, durationMs);
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
      throw new ConfigException(suite.folder(), "--filter [" + glob.get() + "] is not a valid glob: " + e.getMessage());
    }
    List<Case> selected = suite.cases().stream().filter(c -> matcher.matches(Path.of(c.id()))).toList();
    if (selected.isEmpty()) {
      throw new ConfigException(
          suite.folder(),
          "--filter [" + glob.get() + "] matches none of the " + suite.cases().size()
              + " case ids; ids look like [" + suite.cases().stream().findFirst().map(Case::id).orElse("none")
              + "], and * does not cross '/', use ** for that");
    }
    return selected;
  }

  private CaseResult recordCase(Suite suite, Case testCase, GoldenStore goldens, boolean update, Set<String> unavailable)
      throws IOException {
    RunOutcome outcome = runner.run(suite, suite.legacy(), testCase);
    Map<String, Long> durations = durations(Side.LEGACY, outcome);
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, outcome, durations, unavailable);
    if (failed.isPresent()) {
      return failed.get();
    }
    Observation observation = ((RunOutcome.Completed) outcome).observation();
    Optional<Observation> previous = update ? goldens.readIfIntact(testCase.id()) : goldens.read(testCase.id());
    GoldenStore.WriteResult written = goldens.write(testCase.id(), observation, update);
    Path where = goldens.caseFolder(testCase.id());
    return switch (written) {
      case CREATED -> pass(testCase, "golden created", List.of(new Fact("golden", "created in " + where)), durations);
      case UNCHANGED -> pass(testCase, "golden unchanged", List.of(), durations);
      case UPDATED -> {
        Comparison change =
            previous.isPresent() ? comparator.compare(suite.compare(), previous.get(), observation) : Comparison.identical();
        yield new CaseResult(
            testCase.id(), testCase.tags(), Status.PASS, "golden updated",
            List.of(), concat(List.of(new Fact("golden", "updated in " + where)), change.facts()), change.diffs(), durations);
      }
      case KEPT -> {
        Comparison change = comparator.compare(suite.compare(), previous.orElseThrow(), observation);
        List<Fact> facts = new ArrayList<>(change.facts());
        facts.add(new Fact("golden", "left unchanged in " + where + "; re-run with --update to replace it"));
        yield new CaseResult(
            testCase.id(), testCase.tags(), Status.FAIL, "legacy output changed since the golden was recorded",
            facts, change.notes(), change.diffs(), durations);
      }
    };
  }

  private CaseResult verifyCase(Suite suite, Case testCase, GoldenStore goldens, Set<String> unavailable) {
    Optional<Observation> golden = goldens.read(testCase.id());
    if (golden.isEmpty()) {
      return error(
          testCase,
          "no golden at " + goldens.caseFolder(testCase.id()) + "; record it first with `parity record`",
          Map.of());
    }
    RunOutcome outcome = runner.run(suite, suite.candidate(), testCase);
    Map<String, Long> durations = durations(Side.CANDIDATE, outcome);
    return failure(testCase, Side.CANDIDATE, outcome, durations, unavailable)
        .orElseGet(() -> judge(suite, testCase, golden.get(), ((RunOutcome.Completed) outcome).observation(), durations));
  }

  private CaseResult compareCase(Suite suite, Case testCase, Set<String> unavailable) {
    RunOutcome legacy = runner.run(suite, suite.legacy(), testCase);
    RunOutcome candidate = runner.run(suite, suite.candidate(), testCase);
    Map<String, Long> durations = new LinkedHashMap<>(durations(Side.LEGACY, legacy));
    durations.putAll(durations(Side.CANDIDATE, candidate));
    Optional<CaseResult> failed = failure(testCase, Side.LEGACY, legacy, durations, unavailable);
    if (failed.isEmpty()) {
      failed = failure(testCase, Side.CANDIDATE, candidate, durations, unavailable);
    }
    return failed.orElseGet(
        () ->
            judge(
                suite,
                testCase,
                ((RunOutcome.Completed) legacy).observation(),
                ((RunOutcome.Completed) candidate).observation(),
                durations));
  }

  private CaseResult judge(Suite suite, Case testCase, Observation legacy, Observation candidate, Map<String, Long> durations) {
    sink.accept(testCase, Side.LEGACY, legacy, legacy);
    sink.accept(testCase, Side.CANDIDATE, candidate, candidate);
    Comparison comparison = comparator.compare(suite.compare(), legacy, candidate);
    if (comparison.isIdentical()) {
      return new CaseResult(testCase.id(), testCase.tags(), Status.PASS, "identical", List.of(), comparison.notes(), List.of(), durations);
    }
    String summary = comparison.facts().stream().map(Fact::key).distinct().reduce((a, b) -> a + ", " + b).orElse("output") + " differ";
    return new CaseResult(
        testCase.id(), testCase.tags(), Status.FAIL, summary, comparison.facts(), comparison.notes(), comparison.diffs(), durations);
  }

  private static Optional<CaseResult> failure(
      Case testCase, Side side, RunOutcome outcome, Map<String, Long> durations, Set<String> unavailable) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this chain exhaustive.
    if (outcome instanceof RunOutcome.Failed failed) {
      return Optional.of(error(testCase, side.label() + " " + failed.reason(), durations));
    }
    if (outcome instanceof RunOutcome.Unavailable missing) {
      unavailable.add(side.label() + " implementation could not be run: " + missing.reason());
      return Optional.of(error(testCase, side.label() + " could not be run: " + missing.reason(), durations));
    }
    return Optional.empty();
  }

  private static CaseResult error(Case testCase, String message, Map<String, Long> durations) {
    return new CaseResult(
        testCase.id(), testCase.tags(), Status.ERROR, message, List.of(new Fact("error", message)), List.of(), List.of(), durations);
  }

  private static CaseResult pass(Case testCase, String summary, List<Fact> notes, Map<String, Long> durations) {
    return new CaseResult(testCase.id(), testCase.tags(), Status.PASS, summary, List.of(), notes, List.of(), durations);
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
