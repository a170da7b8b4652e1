package dev.parity.engine;

import dev.parity.cluster.Shrink;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.noise.Noise;
import dev.parity.normalize.RuleStats;
import dev.parity.redact.Redactor;
import dev.parity.run.ObservationSink;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Cluster;
import dev.parity.verdict.Clusters;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Reproducer;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Minimal reproducers: for each cluster of failing cases, its smallest case whose input can be
 * taken apart ({@link ShrinkableInput}) is shrunk by delta debugging ({@link Shrink}), each smaller
 * input run live on both sides and kept only while it still shows every change of the cluster.
 *
 * <p>The input reported is run once more on both sides after the search and must show the changes
 * again; otherwise the case gets a reproducer that says it could not be reproduced and gives no
 * input. One budget bounds the whole search, shared fairly between the cases still to shrink; a
 * probe that has started runs to its end (each side within the case timeout).
 */
public final class Reproducers {
  /** The commands that reproduce one side of a case (the repro scripts of the reports). */
  public interface Scripts {
    String of(Side side, Case testCase);
  }

  private final Runner runner;
  private final CaseJudge judge;
  private final Scripts scripts;
  private final LongSupplier clock;

  public Reproducers(Runner runner, ObservationComparator comparator, Scripts scripts) {
    this(runner, comparator, scripts, System::nanoTime);
  }

  Reproducers(
      Runner runner, ObservationComparator comparator, Scripts scripts, LongSupplier clock) {
    // Secrets are replaced as observations arrive, as in every run of the engine.
    this.runner = Redactor.runner(runner);
    this.judge = new CaseJudge(comparator, ObservationSink.NONE);
    this.scripts = scripts;
    this.clock = clock;
  }

  /**
   * {@code verdict} with a reproducer on the smallest shrinkable case of each cluster of failing
   * cases, found within {@code budget} in all. A record run's verdict is returned as it is: its
   * differences are between two legacy runs.
   */
  public Verdict shrink(Suite suite, Verdict verdict, Duration budget) {
    if (verdict.mode() == Mode.RECORD) {
      return verdict;
    }
    Map<String, List<Cluster>> targets = targets(suite, verdict);
    long deadline = clock.getAsLong() + budget.toNanos();
    Map<String, Reproducer> found = new LinkedHashMap<>();
    int left = targets.size();
    for (Map.Entry<String, List<Cluster>> target : targets.entrySet()) {
      Duration share = Duration.ofNanos(Math.max(0, (deadline - clock.getAsLong()) / left--));
      Case testCase = suite.find(target.getKey()).orElseThrow();
      found.put(target.getKey(), reproduce(suite, testCase, target.getValue(), share));
    }
    List<CaseResult> results = new ArrayList<>();
    for (CaseResult result : verdict.fixtures()) {
      Reproducer reproducer = found.get(result.id());
      results.add(reproducer == null ? result : result.withReproducer(reproducer));
    }
    return verdict.toBuilder().fixtures(results).build();
  }

  /**
   * For each failing cluster, its smallest member with a shrinkable input (by input size, the first
   * of equals); a case chosen by several clusters keeps the changes of all of them.
   */
  private static Map<String, List<Cluster>> targets(Suite suite, Verdict verdict) {
    Map<String, CaseResult> results = new LinkedHashMap<>();
    verdict.fixtures().forEach(r -> results.put(r.id(), r));
    Map<String, List<Cluster>> targets = new LinkedHashMap<>();
    for (Cluster cluster : verdict.clusters()) {
      cluster.members().stream()
          .filter(id -> results.containsKey(id) && results.get(id).status() == Status.FAIL)
          .flatMap(id -> suite.find(id).stream())
          .flatMap(
              c -> ShrinkableInput.of(c).map(input -> new Sized(c.id(), input.size())).stream())
          .min(Comparator.comparingLong(Sized::size))
          .ifPresent(
              smallest ->
                  targets.computeIfAbsent(smallest.id(), k -> new ArrayList<>()).add(cluster));
    }
    return targets;
  }

  private record Sized(String id, long size) {}

  private Reproducer reproduce(
      Suite suite, Case testCase, List<Cluster> clusters, Duration budget) {
    ShrinkableInput input = ShrinkableInput.of(testCase).orElseThrow();
    List<String> ids = clusters.stream().map(Cluster::id).toList();
    Set<String> signature = new LinkedHashSet<>();
    clusters.forEach(c -> signature.addAll(c.signature()));
    List<String> keys = List.copyOf(signature);
    Shrink.Result<ShrinkableInput.Part> result =
        Shrink.minimize(
            input.parts(),
            parts -> problem(suite, input.with(parts), signature).isEmpty(),
            budget,
            clock);
    // Checked again: a difference that came and went (timing, state) is never a reproducer.
    Optional<String> problem = problem(suite, input.with(result.parts()), signature);
    if (problem.isPresent()) {
      return Reproducer.notReproduced(
          ids,
          keys,
          result.probes() + 1,
          "run live on both sides, the "
              + (result.parts().size() == input.parts().size() ? "case's input" : "shrunk input")
              + " "
              + problem.get()
              + ": no reproducer");
    }
    Redactor redactor = Redactor.of(suite.redaction()).forCase(testCase);
    Map<String, String> shown = new LinkedHashMap<>();
    input
        .shown(result.parts())
        .forEach(
            (k, v) ->
                shown.put(k, Excerpts.cap(redactor.text(v), Excerpts.FACT_BYTES, testCase.id())));
    List<Reproducer.Reduced> reduced = input.reduced(result.parts());
    String kept = String.join(", ", reduced.stream().map(r -> "kept " + r).toList());
    int probes = result.probes() + 1;
    String message =
        result.complete()
            ? kept + "; 1-minimal (leaving out any one more loses a change), " + probes + " runs"
            : "shrink budget of "
                + budget.toMillis()
                + " ms spent after "
                + probes
                + " runs: "
                + kept
                + ", the smallest input that showed the changes so far, maybe not minimal";
    Case shrunk = input.with(result.parts());
    Map<String, String> bySide = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      bySide.put(side.label(), scripts.of(side, shrunk));
    }
    return new Reproducer(
        ids,
        keys,
        result.complete() ? Reproducer.Outcome.MINIMAL : Reproducer.Outcome.BUDGET_SPENT,
        message,
        probes,
        reduced,
        shown,
        bySide);
  }

  /**
   * Why {@code testCase}, run live on both sides, does not show every change of {@code signature};
   * empty when it does.
   */
  private Optional<String> problem(Suite suite, Case testCase, Set<String> signature) {
    RunOutcome legacy = runner.run(suite, suite.legacy(), testCase);
    RunOutcome candidate = runner.run(suite, suite.candidate(), testCase);
    Optional<String> failed =
        legacy.problem(Side.LEGACY).or(() -> candidate.problem(Side.CANDIDATE));
    if (failed.isPresent() || legacy.observation().isEmpty() || candidate.observation().isEmpty()) {
      return Optional.of("gave no output to compare (" + failed.orElse("a side did not run") + ")");
    }
    CaseResult result =
        judge.judge(
            suite,
            testCase,
            Engine.pipeline(suite, testCase),
            legacy.observation().get(),
            candidate.observation().get(),
            Map.of(),
            new RuleStats(),
            Noise.NONE);
    if (result.status() == Status.FAIL && Clusters.changeKeys(result).containsAll(signature)) {
      return Optional.empty();
    }
    return Optional.of(
        "no longer showed "
            + String.join("; ", signature)
            + " (the difference may depend on the golden, on timing or on state)");
  }
}
