package dev.parity.engine;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.noise.Noise;
import dev.parity.noise.NoiseMask;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.RuleStats;
import dev.parity.run.Observation;
import dev.parity.run.ObservationSink;
import dev.parity.verdict.CaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges one case from both sides' observations: normalizes them, discounts legacy noise, compares
 * them and states the outcome.
 */
final class CaseJudge {
  private final ObservationComparator comparator;
  private final ObservationSink sink;

  CaseJudge(ObservationComparator comparator, ObservationSink sink) {
    this.comparator = comparator;
    this.sink = sink;
  }

  /**
   * Normalizes both sides, compares them and states the outcome. Legacy noise is discounted token
   * for token where the legacy runs differed, and listed, never silently.
   */
  CaseResult judge(
      Suite suite,
      Case testCase,
      Pipeline declared,
      Observation legacy,
      Observation candidate,
      Map<String, Long> durations,
      RuleStats stats,
      Noise noise) {
    Pipeline.Result normalized = declared.apply(legacy, candidate);
    stats.add(declared.rules(), normalized.fired());
    // Only the tokens where legacy runs differed, each for a value of the same shape.
    NoiseMask.Applied discounted = noise.discount(normalized.legacy(), normalized.candidate());
    sink.accept(testCase, Side.LEGACY, legacy, discounted.legacy());
    sink.accept(testCase, Side.CANDIDATE, candidate, discounted.candidate());
    Comparison comparison =
        comparator.compare(suite.compare(), discounted.legacy(), discounted.candidate());
    List<Fact> ruleNotes = new ArrayList<>();
    for (Pipeline.Note note : normalized.notes()) {
      ruleNotes.add(
          new Fact(
              ObservationComparator.label(note.stream()), note.side() + ": " + note.message()));
    }
    // Both sides agreeing on "no file" is not "identical": the case declared the file.
    List<Fact> missing = MissingOutputs.of(testCase, legacy, candidate);
    if (!missing.isEmpty() && !MissingOutputs.optional(testCase)) {
      return CaseResult.errored(
          testCase,
          missing.get(0).key() + " was written by neither side",
          concat(missing, comparison.facts()),
          durations);
    }
    // Nothing compared proves nothing: a command's case under compare: [files] with no output
    // file, or a command suite's compare: [status].
    Set<String> observed = new TreeSet<>(legacy.values().keySet());
    observed.addAll(legacy.names());
    observed.addAll(candidate.values().keySet());
    observed.addAll(candidate.names());
    if (observed.stream().noneMatch(name -> CompareTarget.compares(suite.compare(), name))) {
      return CaseResult.errored(
          testCase,
          "nothing of the case is compared: [compare] selects "
              + suite.compare().stream().sorted().map(CompareTarget::key).toList()
              + ", and the case observed only "
              + observed.stream().map(ObservationComparator::label).toList(),
          durations);
    }
    List<Fact> notes = concat(comparison.notes(), missing);
    Optional<Fact> crash = crash(suite, legacy, candidate);
    if (crash.isPresent()) {
      comparison = comparison.withFact(crash.get());
    }
    CaseResult result;
    if (comparison.isIdentical()) {
      result = CaseResult.passed(testCase, "identical", concat(notes, ruleNotes), durations);
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
          CaseResult.failed(
              testCase,
              summary,
              concat(comparison.facts(), ruleNotes),
              notes,
              comparison.diffs(),
              durations);
    }
    return result
        .withJsonChanges(comparison.jsonChanges())
        .withNoise(noise.noisy(), noise.statedWith(discounted))
        .withDiscounted(discounted.discounted());
  }

  /**
   * The candidate killed by a signal legacy was not killed by (a crash), when [compare] leaves out
   * the exit code that would show it: a crash fails the case whatever is compared, or a candidate
   * that printed the right output and died of SIGSEGV passed.
   */
  private static Optional<Fact> crash(Suite suite, Observation legacy, Observation candidate) {
    Optional<String> signal = candidate.value(Observation.SIGNAL);
    if (CompareTarget.compares(suite.compare(), Observation.SIGNAL)
        || signal.isEmpty()
        || signal.equals(legacy.value(Observation.SIGNAL))) {
      return Optional.empty();
    }
    return Optional.of(
        new Fact(
            ObservationComparator.label(Observation.SIGNAL),
            "the candidate was killed by "
                + signal.get()
                + ", legacy "
                + legacy.value(Observation.SIGNAL).map(s -> "by " + s).orElse("was not")
                + " (a crash fails the case whatever [compare] selects)"));
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
