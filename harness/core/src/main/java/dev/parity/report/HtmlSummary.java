package dev.parity.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Cluster;
import dev.parity.verdict.Group;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page's summary block: decision, counts, groups, clusters and one row per case with the text
 * its filter searches.
 */
final class HtmlSummary {
  static final int SEARCH_CHARS = 4_000;

  private HtmlSummary() {}

  /** The summary block; {@code clusterIds} names each case's clusters. */
  static ObjectNode of(Verdict verdict, Map<String, List<String>> clusterIds) {
    ObjectNode root = HtmlPage.JSON.createObjectNode();
    root.put("suite", verdict.suite());
    root.put("mode", verdict.mode().label());
    root.put("decision", verdict.decision().label());
    root.put("status", verdict.status().label());
    root.put("scope", verdict.scope());
    verdict.filter().ifPresent(f -> root.put("filter", f));
    verdict.shard().ifPresent(s -> root.put("shard", s.label()));
    verdict.error().ifPresent(e -> root.put("error", e));
    root.set("reasons", HtmlPage.JSON.valueToTree(verdict.reasons()));
    root.set("counts", HtmlPage.JSON.valueToTree(verdict.counts()));
    root.put("durationMs", verdict.durationMs());
    root.put("startedAt", verdict.startedAt().toString());
    root.put("parityVersion", verdict.parityVersion());
    root.set("groups", groups(verdict));
    // Performance as verdict.json has it (same fields), for the gate's benchmark table.
    verdict
        .performance()
        .ifPresent(p -> root.set("performance", VerdictJson.mapper().valueToTree(p)));
    ArrayNode clusterNodes = root.putArray("clusters");
    for (Cluster cluster : verdict.clusters()) {
      ObjectNode node =
          clusterNodes.addObject().setAll((ObjectNode) HtmlPage.JSON.valueToTree(cluster));
      // The case that holds the cluster's minimal reproducer (parity report --shrink), if found.
      verdict.fixtures().stream()
          .filter(r -> r.reproducer().filter(p -> p.clusters().contains(cluster.id())).isPresent())
          .findFirst()
          .ifPresent(r -> node.put("reproducer", r.id()));
    }
    ArrayNode cases = root.putArray("cases");
    for (CaseResult result : verdict.fixtures()) {
      ObjectNode c = cases.addObject();
      c.put("id", result.id());
      c.put("status", result.status().label());
      c.put("summary", result.summary());
      c.put("glance", Glance.of(result));
      if (result.noisy()) {
        c.put("noisy", true);
      }
      c.set("tags", HtmlPage.JSON.valueToTree(result.tags()));
      if (!result.status().passes()) {
        List<String> clusters = clusterIds.getOrDefault(result.id(), List.of());
        if (!clusters.isEmpty()) {
          c.put("cluster", clusters.get(0));
        }
        c.set("clusters", HtmlPage.JSON.valueToTree(clusters));
        StringBuilder search = new StringBuilder(result.summary());
        result.facts().forEach(f -> search.append('\n').append(f));
        search.append('\n').append(result.diff());
        c.put(
            "search",
            search.length() > SEARCH_CHARS ? search.substring(0, SEARCH_CHARS) : search.toString());
      }
      c.put("detail", cases.size() - 1);
    }
    return root;
  }

  private static ArrayNode groups(Verdict verdict) {
    Map<String, int[]> byTag = new TreeMap<>();
    for (CaseResult result : verdict.fixtures()) {
      List<String> tags = result.tags().isEmpty() ? List.of("(untagged)") : result.tags();
      for (String tag : tags) {
        int[] counts = byTag.computeIfAbsent(tag, t -> new int[1 + Status.values().length]);
        counts[0]++;
        counts[1 + result.status().ordinal()]++;
      }
    }
    ArrayNode out = HtmlPage.JSON.createArrayNode();
    byTag.forEach(
        (tag, n) -> {
          ObjectNode row =
              out.addObject()
                  .put("tag", tag)
                  .put("total", n[0])
                  .put("passed", n[1])
                  .put("failed", n[2])
                  .put("errors", n[3])
                  .put("accepted", n[4]);
          // A gate decides per group too: which side ships this feature, and why.
          Group group = verdict.groups().get(tag);
          if (group != null) {
            row.put("decision", group.decision().label());
            row.set("reasons", HtmlPage.JSON.valueToTree(group.reasons()));
          }
        });
    return out;
  }
}
