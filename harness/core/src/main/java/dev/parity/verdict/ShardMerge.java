package dev.parity.verdict;

import dev.parity.normalize.RuleUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Shard verdicts and their merge. A merged verdict is judged again from the merged case results
 * ({@link Decisions}), as an unsharded run is; only what the shards measured (case results, rule
 * counts, benchmarks) is taken from them, never a decision.
 */
final class ShardMerge {
  /** The command whose shards carry a benchmark. */
  static final String GATE = "gate";

  private ShardMerge() {}

  static Verdict shard(Verdict verdict, ShardInfo info) {
    return verdict.toBuilder()
        .shard(Optional.of(info))
        .build()
        .withReasons(
            List.of(
                "shard "
                    + info.label()
                    + ": the decision holds for the "
                    + info.cases().size()
                    + " of "
                    + info.total()
                    + " cases in this shard only; `parity merge` the "
                    + info.count()
                    + " shards' output folders to decide for the whole run"));
  }

  static Verdict merge(List<Verdict> shards) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no shard to merge");
    }
    Verdict first = shards.get(0);
    List<CaseResult> fixtures =
        shards.stream()
            .flatMap(v -> v.fixtures().stream())
            .sorted(Comparator.comparing(CaseResult::id))
            .toList();
    Instant startedAt =
        shards.stream().map(Verdict::startedAt).min(Comparator.naturalOrder()).orElseThrow();
    // The shards run side by side on their own runners: the run took as long as the longest.
    long durationMs = shards.stream().mapToLong(Verdict::durationMs).max().orElse(0);
    Verdict merged =
        Verdict.of(
                first.suite(),
                first.mode(),
                fixtures,
                distinct(shards, Verdict::unavailable),
                startedAt,
                durationMs)
            .withNormalization(rules(shards), distinct(shards, Verdict::suggestedRules));
    boolean gate = first.shard().map(s -> s.command().equals(GATE)).orElse(false);
    if (gate) {
      merged =
          Decisions.gate(
              merged, performance(shards, Verdict::performance), groups(shards), durationMs);
    }
    if (first.filter().isPresent()) {
      merged = merged.filtered(first.filter().get());
    }
    return merged
        .withStrict(distinct(shards, Verdict::strict))
        .withReasons(
            List.of(
                "merged from "
                    + shards.size()
                    + (shards.size() == 1 ? " shard" : " shards")
                    + "; the decision is judged again from their "
                    + fixtures.size()
                    + " case results"));
  }

  private static List<String> distinct(List<Verdict> shards, Function<Verdict, List<String>> of) {
    return List.copyOf(
        shards.stream()
            .flatMap(v -> of.apply(v).stream())
            .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** Each rule once, with its firings over every shard; stale only when it fired in none. */
  private static List<RuleUsage> rules(List<Verdict> shards) {
    Map<List<String>, RuleUsage> byRule = new LinkedHashMap<>();
    for (Verdict shard : shards) {
      for (RuleUsage usage : shard.rules()) {
        byRule.merge(
            List.of(usage.rule(), usage.location()),
            usage,
            (a, b) ->
                new RuleUsage(
                    a.rule(),
                    a.location(),
                    a.reason(),
                    a.ticket(),
                    a.fired() + b.fired(),
                    a.fired() + b.fired() == 0));
      }
    }
    return List.copyOf(byRule.values());
  }

  /** Each group's performance over the shards that measured it. */
  private static Map<String, Performance> groups(List<Verdict> shards) {
    Map<String, List<Performance>> byTag = new HashMap<>();
    for (Verdict shard : shards) {
      shard
          .groups()
          .forEach(
              (tag, group) ->
                  group
                      .performance()
                      .ifPresent(p -> byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(p)));
    }
    Map<String, Performance> groups = new HashMap<>();
    byTag.forEach((tag, parts) -> groups.put(tag, ShardPerformance.hull(parts)));
    return groups;
  }

  private static Performance performance(
      List<Verdict> shards, Function<Verdict, Optional<Performance>> of) {
    List<Performance> parts = shards.stream().map(of).flatMap(Optional::stream).toList();
    if (parts.isEmpty()) {
      return ShardPerformance.none();
    }
    return ShardPerformance.hull(parts);
  }
}
