package dev.parity.verdict;

import dev.parity.normalize.RuleUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons a run's normalization adds to its verdict: noisy cases (or, in compare, the noise
 * discounted) and stale rules. They explain; they never change the decision.
 */
final class NormalizationReasons {
  private NormalizationReasons() {}

  static List<String> of(Mode mode, List<CaseResult> fixtures, List<RuleUsage> usages) {
    List<String> more = new ArrayList<>();
    List<String> noisy = fixtures.stream().filter(CaseResult::noisy).map(CaseResult::id).toList();
    if (!noisy.isEmpty() && mode == Mode.COMPARE) {
      more.add(
          "legacy noise discounted in "
              + noisy.size()
              + (noisy.size() == 1 ? " case" : " cases")
              + " (two legacy runs differ; see each case's noise): "
              + Decisions.shorten(noisy));
    } else if (!noisy.isEmpty()) {
      more.add(
          noisy.size()
              + (noisy.size() == 1 ? " case is" : " cases are")
              + " noisy (legacy runs differ where no rule covers it): "
              + Decisions.shorten(noisy));
    }
    List<String> stale =
        usages.stream()
            .filter(RuleUsage::stale)
            .map(u -> u.rule() + " (" + u.location() + ")")
            .toList();
    if (!stale.isEmpty()) {
      more.add(
          stale.size()
              + (stale.size() == 1 ? " rule" : " rules")
              + " fired nowhere (stale): "
              + String.join(", ", stale));
    }
    return more;
  }
}
