package dev.parity.report;

import dev.parity.files.AtomicFiles;
import dev.parity.fixture.Side;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Check;
import dev.parity.verdict.Cluster;
import dev.parity.verdict.Counts;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Reproducer;
import dev.parity.verdict.RunStatus;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Writes {@code summary.md} for {@code $GITHUB_STEP_SUMMARY} or a pull-request comment: the
 * decision and why, counts, and the largest failure clusters with a short diff each.
 */
final class MarkdownReporter implements Reporter {
  static final String FILE = "summary.md";
  static final int TOP_CLUSTERS = 5;
  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]#|~])");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  /** CommonMark's line endings: inline text that holds one would start a block of its own. */
  private static final Pattern LINE_ENDING = Pattern.compile("\r\n|\r|\n");

  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    Path file = outputFolder.resolve(FILE);
    AtomicFiles.replace(file, render(verdict).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static String render(Verdict verdict) {
    StringBuilder md = new StringBuilder();
    Counts counts = verdict.counts();
    boolean good = verdict.status() == RunStatus.PASS;
    String outcome =
        switch (verdict.status()) {
          case ERROR -> "no verdict (the run failed), legacy stays";
          case UNAVAILABLE -> "legacy ships (an implementation is unavailable)";
          // Recording never decides for the candidate; what matters is whether every golden is
          // stored.
          default ->
              verdict.mode() == Mode.RECORD
                  ? good ? "all goldens stored and current" : "not all goldens stored"
                  : verdict.decision().label() + " ships";
        };
    if (verdict.shard().isPresent()) {
      outcome +=
          " (shard "
              + verdict.shard().get().label()
              + ": for this shard's cases only; `parity merge` decides for the run)";
    } else if (verdict.filter().isPresent()) {
      outcome += " (filtered run: for the selected cases only)";
    }
    md.append("## ")
        .append(good ? "\u2705" : "\u274C")
        .append(" Parity ")
        .append(verdict.mode().label())
        .append(' ')
        .append(text(verdict.suite()))
        .append(": ")
        .append(outcome)
        .append("\n\n");
    verdict.reasons().forEach(r -> md.append("- ").append(text(r)).append('\n'));
    // The accepted column shows only when a case passed as an accepted difference.
    boolean accepted = counts.accepted() > 0;
    md.append("\n| cases | passed | failed | errors |")
        .append(accepted ? " accepted |" : "")
        .append(" duration |\n|---:|---:|---:|---:|")
        .append(accepted ? "---:|" : "")
        .append("---:|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| %d | %d | %d | %d |%s %.1f s |%n",
            counts.total(),
            counts.passed(),
            counts.failed(),
            counts.errors(),
            accepted ? " " + counts.accepted() + " |" : "",
            verdict.durationMs() / 1000.0));
    acceptedDifferences(md, verdict);
    long discounted = verdict.fixtures().stream().mapToLong(f -> f.discounted().size()).sum();
    if (discounted > 0) {
      md.append("\n")
          .append(discounted)
          .append(discounted == 1 ? " difference" : " differences")
          .append(
              " discounted as legacy noise (each listed under `discounted` in verdict.json).\n");
    }
    List<Check> failing = verdict.checks().stream().filter(c -> c.status() != Status.PASS).toList();
    if (!failing.isEmpty()) {
      md.append("\n| check | status | why |\n|---|---|---|\n");
      failing.forEach(
          c ->
              md.append("| ")
                  .append(text(c.name()))
                  .append(" | ")
                  .append(c.status().label())
                  .append(" | ")
                  .append(text(c.message()))
                  .append(" |\n"));
    }
    List<Cluster> clusters = verdict.clusters();
    if (!clusters.isEmpty()) {
      md.append("\n### Top failure groups\n");
      if (verdict.mode() == Mode.RECORD) {
        md.append(
            "\nChanged goldens: golden vs new legacy run (`-` golden, `+` new legacy run).\n");
      }
      for (Cluster cluster : clusters.subList(0, Math.min(TOP_CLUSTERS, clusters.size()))) {
        md.append("\n**")
            .append(cluster.id())
            .append("**: ")
            .append(cluster.count())
            .append(cluster.count() == 1 ? " case" : " cases")
            .append(" (")
            .append(cluster.status().label())
            .append("), e.g. ");
        md.append(
                String.join(", ", cluster.examples().stream().map(MarkdownReporter::code).toList()))
            .append("\n\n");
        md.append(fenced("diff", String.join("\n", cluster.excerpt())));
        reproducer(md, verdict, cluster);
      }
      if (clusters.size() > TOP_CLUSTERS) {
        md.append("\n... and ")
            .append(clusters.size() - TOP_CLUSTERS)
            .append(" more groups; see index.html.\n");
      }
    }
    long notPassing =
        verdict.fixtures().stream().map(CaseResult::status).filter(s -> !s.passes()).count();
    if (notPassing > 0) {
      md.append(
          "\nFull report: `index.html` in the output folder (`parity report <out-dir>` rebuilds it).\n");
    }
    md.append("\n<sub>Parity ").append(text(verdict.parityVersion())).append("</sub>\n");
    return md.toString();
  }

  /**
   * The minimal reproducer of a cluster ({@code parity report --shrink}): what was kept, the shrunk
   * input and the command that reproduces the candidate side with it.
   */
  private static void reproducer(StringBuilder md, Verdict verdict, Cluster cluster) {
    for (CaseResult result : verdict.fixtures()) {
      Optional<Reproducer> found =
          result.reproducer().filter(r -> r.clusters().contains(cluster.id()));
      if (found.isEmpty()) {
        continue;
      }
      Reproducer reproducer = found.get();
      md.append("\nMinimal reproducer (case ")
          .append(code(result.id()))
          .append("): ")
          .append(text(reproducer.message()))
          .append("\n\n");
      reproducer
          .input()
          .forEach(
              (name, value) ->
                  md.append(code(name))
                      .append(":\n\n")
                      .append(
                          fenced(
                              "",
                              value.endsWith("\n")
                                  ? value.substring(0, value.length() - 1)
                                  : value)));
      String script = reproducer.scripts().get(Side.CANDIDATE.label());
      if (script != null) {
        md.append("\n")
            .append(fenced("sh", Excerpts.cap(script, Excerpts.FACT_BYTES, result.id())));
      }
    }
  }

  /** Each case that passed as an accepted difference, with its status, reason and ticket. */
  private static void acceptedDifferences(StringBuilder md, Verdict verdict) {
    List<CaseResult> accepted =
        verdict.fixtures().stream().filter(r -> r.accepted().isPresent()).toList();
    if (accepted.isEmpty()) {
      return;
    }
    md.append("\n### Accepted differences\n\n");
    for (CaseResult result : accepted) {
      md.append("- ")
          .append(code(result.id()))
          .append(": **")
          .append(Status.ACCEPTED.label())
          .append("**: ")
          .append(text(result.accepted().orElseThrow().sentence()))
          .append('\n');
    }
  }

  /**
   * Text in Markdown, on one line: markup escaped (GitHub renders inline HTML), Markdown
   * punctuation backslash-escaped.
   */
  static String text(String value) {
    String escaped = StringEscapeUtils.escapeXml10(oneLine(value));
    return MARKDOWN_SPECIAL.matcher(escaped).replaceAll("\\\\$1");
  }

  /** An inline code span on one line, whose fence is longer than any backtick run inside. */
  static String code(String value) {
    String fence = "`".repeat(longestBacktickRun(value) + 1);
    String pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
    return fence + pad + oneLine(value) + pad + fence;
  }

  /** {@code value} on one line: each line ending a space. */
  private static String oneLine(String value) {
    return LINE_ENDING.matcher(value).replaceAll(" ");
  }

  /** A fenced code block whose fence is longer than any backtick run inside. */
  static String fenced(String language, String body) {
    String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
    return fence + language + "\n" + body + "\n" + fence + "\n";
  }

  private static int longestBacktickRun(String value) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(value);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
