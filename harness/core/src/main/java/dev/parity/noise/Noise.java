package dev.parity.noise;

import dev.parity.diff.Fact;
import dev.parity.fixture.Rule;
import dev.parity.run.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What extra legacy runs of a case showed: whether it is noisy, the facts, the rules that would
 * cover the noise and the tokens where the runs differed.
 *
 * @param noisy two legacy runs differed in a way no rule covers, or one did not complete
 * @param facts what the runs showed, one by one, suggested rules last
 * @param rules the suggested rules that would cover the noise
 * @param mask the tokens where the runs differed, discounted when comparing
 */
public record Noise(boolean noisy, List<Fact> facts, List<Rule> rules, NoiseMask mask) {
  /** No extra run, or no difference between runs. */
  public static final Noise NONE = new Noise(false, List.of(), List.of(), NoiseMask.NONE);

  /** Noisy tokens and discounted differences stated as facts (all are in verdict.json). */
  static final int MAX_FACTS = 20;

  public Noise {
    facts = List.copyOf(facts);
    rules = List.copyOf(rules);
    Objects.requireNonNull(mask, "mask");
  }

  /** {@code --noise detect}: the noise is reported, nothing is discounted. */
  public Noise detectedOnly() {
    if (mask.isEmpty()) {
      return this;
    }
    List<Fact> said = new ArrayList<>(facts);
    said.add(new Fact("noise", "detected, not discounted (--noise detect)"));
    return new Noise(noisy, said, rules, NoiseMask.NONE);
  }

  /** Both normalized sides with the noisy tokens discounted, each for a value of its shape. */
  public NoiseMask.Applied discount(Observation legacy, Observation candidate) {
    return mask.apply(legacy, candidate);
  }

  /**
   * The facts to state with a compared case: the noise found, then, when anything was discounted,
   * how, the noisy tokens and the differences discounted (the first {@value #MAX_FACTS} of each).
   */
  public List<Fact> statedWith(NoiseMask.Applied discounted) {
    List<Fact> stated = new ArrayList<>(facts);
    if (mask.isEmpty()) {
      return stated;
    }
    List<Discounted> listed = discounted.discounted();
    stated.add(
        new Fact(
            "noise",
            "discounted: only the tokens where legacy runs differed, each for a value of the same"
                + " shape; "
                + listed.size()
                + " difference"
                + (listed.size() == 1 ? "" : "s")
                + " discounted"));
    mask.describe(MAX_FACTS).forEach(d -> stated.add(new Fact("noisy token", d)));
    listed.subList(0, Math.min(MAX_FACTS, listed.size())).forEach(d -> stated.add(d.fact()));
    if (listed.size() > MAX_FACTS) {
      stated.add(
          new Fact(
              "discounted",
              "... and " + (listed.size() - MAX_FACTS) + " more, all in verdict.json"));
    }
    return stated;
  }
}
