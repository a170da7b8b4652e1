package dev.parity.shadow;

import dev.parity.verdict.Cluster;
import dev.parity.verdict.Group;
import dev.parity.verdict.Verdict;
import java.util.Map;

/** The page at {@code /_parity}: running counts, decision per route group and clusters. */
final class LivePage {
  private LivePage() {}

  static String html(Verdict verdict) {
    StringBuilder page = new StringBuilder();
    page.append("<!doctype html><html><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"refresh\" content=\"2\">")
        .append("<title>parity shadow ")
        .append(escape(verdict.suite()))
        .append("</title></head><body><h1>parity shadow ")
        .append(escape(verdict.suite()))
        .append(": decision ")
        .append(verdict.decision().label())
        .append("</h1><ul>");
    verdict.reasons().forEach(r -> page.append("<li>").append(escape(r)).append("</li>"));
    page.append("</ul><h2>Route groups</h2><table border=\"1\"><tr><th>group</th><th>decision")
        .append("</th><th>compared</th><th>passed</th><th>failed</th><th>errors</th></tr>");
    for (Map.Entry<String, Group> entry : verdict.groups().entrySet()) {
      Group group = entry.getValue();
      page.append("<tr><td>")
          .append(escape(entry.getKey()))
          .append("</td><td>")
          .append(group.decision().label())
          .append("</td><td>")
          .append(group.counts().total())
          .append("</td><td>")
          .append(group.counts().passed())
          .append("</td><td>")
          .append(group.counts().failed())
          .append("</td><td>")
          .append(group.counts().errors())
          .append("</td></tr>");
    }
    page.append("</table><h2>Clusters</h2><ol>");
    for (Cluster cluster : verdict.clusters()) {
      page.append("<li>")
          .append(cluster.count())
          .append(" &times; ")
          .append(escape(cluster.name()))
          .append(" e.g. ")
          .append(escape(String.join(", ", cluster.examples())))
          .append("</li>");
    }
    page.append("</ol><p><a href=\"/_parity/verdict.json\">verdict.json</a></p></body></html>");
    return page.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
