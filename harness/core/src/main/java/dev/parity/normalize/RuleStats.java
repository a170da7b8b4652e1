package dev.parity.normalize;

import dev.parity.fixture.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts, over a run, how often each declared rule fired. Thread-safe. */
public final class RuleStats {
  private final Map<Rule, Long> fired = new LinkedHashMap<>();

  /** Registers the rules a run may apply, so that one that never fires is reported as stale. */
  public synchronized void declare(List<Rule> rules) {
    rules.forEach(r -> fired.putIfAbsent(r, 0L));
  }

  /** Adds one application of a pipeline; rules without a location (suggestions) are not counted. */
  public synchronized void add(List<Rule> rules, List<Integer> counts) {
    for (int i = 0; i < rules.size() && i < counts.size(); i++) {
      Rule rule = rules.get(i);
      if (rule.file().isPresent()) {
        fired.merge(rule, (long) counts.get(i), Long::sum);
      }
    }
  }

  /** Every declared rule with its count, in declaration order. */
  public synchronized List<RuleUsage> usages() {
    List<RuleUsage> usages = new ArrayList<>();
    fired.forEach(
        (rule, count) ->
            usages.add(
                new RuleUsage(
                    rule.label(),
                    rule.location(),
                    rule.reason(),
                    rule.ticket(),
                    count,
                    count == 0)));
    return usages;
  }
}
