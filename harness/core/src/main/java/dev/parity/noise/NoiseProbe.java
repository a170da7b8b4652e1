package dev.parity.noise;

import dev.parity.diff.Comparison;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CompareTarget;
import dev.parity.fixture.Rule;
import dev.parity.fixture.Suite;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.RuleStats;
import dev.parity.run.Observation;
import dev.parity.run.Reference;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds noise by running legacy again: each extra run is compared with the first after
 * normalization, and what differs is noise, with the narrowest rules that would cover it.
 */
public final class NoiseProbe {
  private final Runner runner;
  private final ObservationComparator comparator;
  private final RuleSuggester suggester = new RuleSuggester();

  public NoiseProbe(Runner runner, ObservationComparator comparator) {
    this.runner = runner;
    this.comparator = comparator;
  }

  /**
   * Runs legacy {@code runs - 1} more times (alternately on {@code legacySecondary:} when the suite
   * has one) and compares each run with {@code first} after normalization; the rules that fired are
   * counted in {@code stats}.
   */
  public Noise probe(
      Suite suite, Case testCase, Observation first, int runs, Pipeline pipeline, RuleStats stats) {
    Predicate<String> compared = name -> CompareTarget.compares(suite.compare(), name);
    List<Fact> facts = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    NoiseMask mask = NoiseMask.NONE;
    boolean noisy = false;
    for (int run = 2; run <= runs; run++) {
      // With legacySecondary: the second instance on even runs (Suite.legacyRun).
      RunOutcome again = runner.run(suite, suite.legacyRun(run), testCase, Reference.of(first));
      Optional<Observation> other = again.observation();
      if (other.isEmpty()) {
        noisy = true;
        facts.add(
            new Fact(
                "noise", run(suite, run) + " did not complete: " + again.problem().orElseThrow()));
        continue;
      }
      Pipeline.Result normalized = pipeline.apply(first, other.get());
      stats.add(pipeline.rules(), normalized.fired());
      Comparison comparison =
          comparator.compare(suite.compare(), normalized.legacy(), normalized.candidate());
      if (comparison.isIdentical()) {
        continue;
      }
      noisy = true;
      NoiseMask found = NoiseMask.between(normalized.legacy(), normalized.candidate(), compared);
      mask = mask.plus(found);
      NoiseMask.Applied masked = found.apply(normalized.legacy(), normalized.candidate());
      if (!comparator.compare(suite.compare(), masked.legacy(), masked.candidate()).isIdentical()) {
        facts.add(
            new Fact(
                "noise",
                runs(suite, run)
                    + " also differ in ways no token-for-token discount covers (exit code, lines"
                    + " added, removed or moved, tokens split differently): those are never"
                    + " discounted"));
      }
      for (Fact fact : comparison.facts()) {
        facts.add(new Fact("noise " + fact.key(), runs(suite, run) + " differ: " + fact.message()));
      }
      for (Rule rule : suggester.suggest(normalized.legacy(), normalized.candidate(), compared)) {
        if (rules.stream()
            .noneMatch(r -> r.label().equals(rule.label()) && r.streams().equals(rule.streams()))) {
          rules.add(rule);
        }
      }
      Pipeline.Result covered = pipeline.then(rules).apply(first, other.get());
      if (!comparator
          .compare(suite.compare(), covered.legacy(), covered.candidate())
          .isIdentical()) {
        facts.add(
            new Fact(
                "noise", "no suggested rule covers every difference between " + runs(suite, run)));
      }
    }
    for (Rule rule : rules) {
      facts.add(
          new Fact("suggested rule", rule.label() + " on " + String.join(", ", rule.streams())));
    }
    return facts.isEmpty() ? Noise.NONE : new Noise(noisy, facts, rules, mask);
  }

  /** Legacy run {@code run} by name, saying when it went to the suite's second instance. */
  private static String run(Suite suite, int run) {
    return "legacy run " + run + instance(suite, run);
  }

  /** The first legacy run and run {@code run}, as {@link #run} names it. */
  private static String runs(Suite suite, int run) {
    return "legacy runs 1 and " + run + instance(suite, run);
  }

  /**
   * Where noise is looked for depends on the instance: a difference between the two instances (a
   * cache, a clock, a deployment) is not legacy's own, and the facts must not send anyone to look
   * for it in legacy.
   */
  private static String instance(Suite suite, int run) {
    return suite.legacyRun(run) == suite.legacy() ? "" : " (on legacySecondary)";
  }
}
