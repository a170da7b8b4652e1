package dev.parity.noise;

import dev.parity.fixture.Rule;
import dev.parity.fixture.RuleAction;
import dev.parity.run.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggested rules gathered over a run, merged by rule (the streams and cases of equal rules are
 * joined), written as suite.yaml entries ready to paste under {@code normalize:}. Thread-safe.
 */
public final class Suggestions {
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private static final class Entry {
    final Rule rule;
    final Set<String> streams = new LinkedHashSet<>();
    final Set<String> cases = new LinkedHashSet<>();

    Entry(Rule rule) {
      this.rule = rule;
    }
  }

  /** Adds the rules suggested for one case. */
  public synchronized void add(String caseId, List<Rule> rules) {
    for (Rule rule : rules) {
      Entry entry = entries.computeIfAbsent(rule.label(), k -> new Entry(rule));
      entry.streams.addAll(rule.streams());
      entry.cases.add(caseId);
    }
  }

  /** One YAML list item per suggested rule, in the order first found. */
  public synchronized List<String> yaml() {
    List<String> items = new ArrayList<>();
    for (Entry entry : entries.values()) {
      List<String> cases = new ArrayList<>(entry.cases);
      String where = Listing.firstAndMore(cases, 3);
      items.add(
          yaml(
              entry.rule,
              List.copyOf(entry.streams),
              "differs between two legacy runs (" + where + ")"));
    }
    return items;
  }

  /**
   * A rule as a suite.yaml list item, e.g. {@code - builtin: timestamps}, with its streams and
   * reason.
   */
  public static String yaml(Rule rule, List<String> streams, String reason) {
    StringBuilder out = new StringBuilder();
    RuleAction action = rule.action();
    if (action instanceof RuleAction.Builtin builtin) {
      out.append("- builtin: ").append(builtin.name()).append('\n');
    } else if (action instanceof RuleAction.Regex regex) {
      out.append("- regex: ").append(quote(regex.pattern().pattern())).append('\n');
      out.append("  replace: ").append(quote(regex.replace())).append('\n');
    } else if (action instanceof RuleAction.Json json) {
      out.append("- json:\n");
      out.append("    ignore: [");
      for (int i = 0; i < json.ignore().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(quote(json.ignore().get(i)));
      }
      out.append("]\n");
    } else if (action instanceof RuleAction.Text text) {
      out.append("- text: ").append(text.name()).append('\n');
    } else {
      out.append("- ").append(action.label()).append('\n');
    }
    if (!streams.isEmpty()) {
      out.append("  streams: [");
      for (int i = 0; i < streams.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(quote(streams.get(i)));
      }
      out.append("]\n");
    }
    out.append("  reason: ").append(quote(reason)).append('\n');
    return out.toString();
  }

  /** YAML single quotes: only the quote itself needs doubling. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }
}
