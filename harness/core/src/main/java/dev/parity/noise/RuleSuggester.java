package dev.parity.noise;

import dev.parity.diff.JsonChange;
import dev.parity.diff.JsonDiffer;
import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.normalize.Normalizer;
import dev.parity.normalize.Normalizers;
import dev.parity.normalize.Pipeline;
import dev.parity.normalize.Scope;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Proposes the narrowest rules that make two runs of the same side equal: JSON Pointers for JSON
 * outputs; otherwise a built-in when one explains the difference, then a regex over the tokens that
 * differ, anchored on the literal text before them ({@code session=[0-9a-f]{16}}).
 */
public final class RuleSuggester {
  /** Built-ins tried in this order before token regexes. */
  static final List<String> BUILTIN_ORDER =
      List.of(
          "timestamps",
          "uuids",
          "epochMillis",
          "hashes",
          "addresses",
          "tempPaths",
          "pids",
          "durations");

  private final JsonDiffer jsonDiffer = new JsonDiffer(2_000);

  /**
   * Rules that would make {@code first} and {@code second} equal, stream by stream, limited to the
   * streams {@code compared} accepts. Scalar values (exit codes) cannot be covered by a rule.
   */
  public List<Rule> suggest(Observation first, Observation second, Predicate<String> compared) {
    List<Rule> rules = new ArrayList<>();
    Set<String> streams = new TreeSet<>(first.streams().keySet());
    streams.retainAll(second.streams().keySet());
    for (String stream : streams) {
      byte[] a = first.streams().get(stream);
      byte[] b = second.streams().get(stream);
      if (a == null || b == null || !compared.test(stream) || Arrays.equals(a, b)) {
        continue;
      }
      Optional<String> left = StreamContent.text(a);
      Optional<String> right = StreamContent.text(b);
      if (left.isPresent() && right.isPresent()) {
        rules.addAll(suggest(stream, left.get(), right.get()));
      }
    }
    return rules;
  }

  /** Rules for one text stream. */
  List<Rule> suggest(String stream, String a, String b) {
    Optional<List<JsonChange>> json = jsonDiffer.diff(stream, a, b);
    if (json.isPresent() && !json.get().isEmpty()) {
      List<String> pointers = pointers(json.get());
      if (!pointers.isEmpty()) {
        return List.of(
            Rule.of(
                new RuleAction.Json(true, pointers, List.of(), Optional.empty(), false),
                List.of(stream)));
      }
    }
    List<Rule> rules = new ArrayList<>();
    String left = a;
    String right = b;
    for (String name : BUILTIN_ORDER) {
      Normalizer builtin = Normalizers.builtin(name);
      String l = builtin.normalize(left, new Scope());
      String r = builtin.normalize(right, new Scope());
      if (LinePairs.differingLines(l, r) < LinePairs.differingLines(left, right)) {
        rules.add(Rule.of(new RuleAction.Builtin(name), List.of(stream)));
        left = l;
        right = r;
      }
    }
    if (!left.equals(right)) {
      rules.addAll(TokenRules.tokenRules(stream, left, right));
    }
    return rules;
  }

  /** Whether {@code rules} make the two texts equal. */
  static boolean covers(List<Rule> rules, Observation first, Observation second) {
    Pipeline.Result result = new Pipeline(rules).apply(first, second);
    return result.legacy().sameContentAs(result.candidate());
  }

  private static List<String> pointers(List<JsonChange> changes) {
    Map<String, Set<String>> byGeneral = new LinkedHashMap<>();
    for (JsonChange change : changes) {
      if (change.path().isEmpty()) {
        return List.of();
      }
      String general = change.path().replaceAll("/\\d+(?=/|$)", "/*");
      byGeneral.computeIfAbsent(general, k -> new LinkedHashSet<>()).add(change.path());
    }
    List<String> pointers = new ArrayList<>();
    byGeneral.forEach(
        (general, exact) -> {
          if (exact.size() > 1) {
            pointers.add(general);
          } else {
            pointers.addAll(exact);
          }
        });
    return pointers;
  }
}
