package dev.parity.report;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.archive.RunArchive;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.JsonDiffer;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Clusters;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Group;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.StringEscapeUtils;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code index.html}: one self-contained page (styles and script inline, no network) with
 * the decision, counts, groups, clusters and the filterable case list; each case that did not pass
 * opens to its facts, side-by-side diffs (normalized or raw), JSON pointers and repro commands.
 *
 * <p>Safe by construction: the page's markup is a fixed template; every value from the run reaches
 * it only as JSON inside {@code <script type="application/json">} blocks, written by Jackson with
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as {@code \\uXXXX} (so no {@code
 * </script>} can close a block), and the page's script puts it into the DOM with {@code
 * textContent} only. The one value placed in markup, the title, is escaped by commons-text. Case
 * details are separate blocks parsed only when a case is opened, so large suites open fast.
 */
final class HtmlReporter implements Reporter {
  static final String FILE = "index.html";
  static final int SEARCH_CHARS = 4_000;

  /** JSON Pointers listed per stream, at most. */
  static final int MAX_POINTERS = 200;

  /** Text per side and view shown side by side, at most; the rest is in observations/. */
  static final int VIEW_BYTES = 256 * 1024;

  /** One line shown side by side, at most. */
  static final int LINE_BYTES = 16 * 1024;

  private static final String TEMPLATE = "index-template.html";

  private static final ObjectMapper JSON =
      JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build())
          .build();

  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    RunArchive archive = RunArchive.in(outputFolder);
    Map<List<String>, String> clusterIds = new HashMap<>();
    verdict.clusters().forEach(c -> clusterIds.put(c.signature(), c.id()));
    Path file = outputFolder.resolve(FILE);
    String template = withScriptHash(template());
    int data = template.indexOf("{{data}}");
    int details = template.indexOf("{{details}}");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String head = template.substring(0, data);
      head =
          head.replace(
              "{{title}}",
              StringEscapeUtils.escapeHtml4(
                  "Parity " + verdict.mode().label() + " " + verdict.suite()));
      out.write(head);
      out.write(JSON.writeValueAsString(summary(verdict, clusterIds)));
      out.write(template, data + "{{data}}".length(), details - data - "{{data}}".length());
      // One block per case, built and written one at a time so memory stays bounded by the largest
      // case.
      List<CaseResult> fixtures = verdict.fixtures();
      for (int i = 0; i < fixtures.size(); i++) {
        out.write("<script type=\"application/json\" id=\"case-" + i + "\">");
        out.write(
            JSON.writeValueAsString(detail(fixtures.get(i), archive, verdict.mode().label())));
        out.write("</script>\n");
      }
      out.write(template.substring(details + "{{details}}".length()));
    }
    return file;
  }

  private static ObjectNode summary(Verdict verdict, Map<List<String>, String> clusterIds) {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", verdict.suite());
    root.put("mode", verdict.mode().label());
    root.put("decision", verdict.decision().label());
    root.put("status", verdict.status().label());
    root.put("scope", verdict.scope());
    verdict.filter().ifPresent(f -> root.put("filter", f));
    verdict.error().ifPresent(e -> root.put("error", e));
    root.set("reasons", JSON.valueToTree(verdict.reasons()));
    root.set("counts", JSON.valueToTree(verdict.counts()));
    root.put("durationMs", verdict.durationMs());
    root.put("startedAt", verdict.startedAt().toString());
    root.set("groups", groups(verdict));
    // Performance as verdict.json has it (same fields), for the gate's benchmark table.
    verdict
        .performance()
        .ifPresent(p -> root.set("performance", VerdictJson.mapper().valueToTree(p)));
    root.set("clusters", JSON.valueToTree(verdict.clusters()));
    ArrayNode cases = root.putArray("cases");
    for (CaseResult result : verdict.fixtures()) {
      ObjectNode c = cases.addObject();
      c.put("id", result.id());
      c.put("status", result.status().label());
      c.put("summary", result.summary());
      c.set("tags", JSON.valueToTree(result.tags()));
      if (result.status() != Status.PASS) {
        c.put("cluster", clusterIds.get(Clusters.signature(result)));
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
        int[] counts = byTag.computeIfAbsent(tag, t -> new int[4]);
        counts[0]++;
        counts[1 + result.status().ordinal()]++;
      }
    }
    ArrayNode out = JSON.createArrayNode();
    byTag.forEach(
        (tag, n) -> {
          ObjectNode row =
              out.addObject()
                  .put("tag", tag)
                  .put("total", n[0])
                  .put("passed", n[1])
                  .put("failed", n[2])
                  .put("errors", n[3]);
          // A gate decides per group too: which side ships this feature, and why.
          Group group = verdict.groups().get(tag);
          if (group != null) {
            row.put("decision", group.decision().label());
            row.set("reasons", JSON.valueToTree(group.reasons()));
          }
        });
    return out;
  }

  private static ObjectNode detail(CaseResult result, RunArchive archive, String mode) {
    ObjectNode d = JSON.createObjectNode();
    d.set("facts", facts(result.facts()));
    List<Fact> notes = new ArrayList<>(result.notes());
    notes.addAll(result.discountedFacts());
    d.set("notes", facts(notes));
    ObjectNode repro = d.putObject("repro");
    for (Side side : Side.values()) {
      archive.repro(result.id(), side).ifPresent(r -> repro.put(side.label(), r));
    }
    if (mode.equals("verify")) {
      d.put("legacyIs", "golden");
    }
    d.set("durationsMs", JSON.valueToTree(new TreeMap<>(result.durationsMs())));
    if (result.status() == Status.PASS) {
      return d;
    }
    ArrayNode streams = d.putArray("streams");
    Optional<Observation> legacyNormalized =
        archive.read(result.id(), Side.LEGACY, RunArchive.View.NORMALIZED);
    Optional<Observation> candidateNormalized =
        archive.read(result.id(), Side.CANDIDATE, RunArchive.View.NORMALIZED);
    if (legacyNormalized.isEmpty() || candidateNormalized.isEmpty()) {
      d.put("unified", result.diff());
      return d;
    }
    Observation legacyRaw =
        archive.read(result.id(), Side.LEGACY, RunArchive.View.RAW).orElseThrow();
    Observation candidateRaw =
        archive.read(result.id(), Side.CANDIDATE, RunArchive.View.RAW).orElseThrow();
    ArrayNode values = d.putArray("values");
    TreeSet<String> valueNames = new TreeSet<>(legacyRaw.values().keySet());
    valueNames.addAll(candidateRaw.values().keySet());
    valueNames.remove(RunArchive.TRUNCATED);
    for (String name : valueNames) {
      values
          .addArray()
          .add(ObservationComparator.label(name))
          .add(legacyRaw.values().getOrDefault(name, "(none)"))
          .add(candidateRaw.values().getOrDefault(name, "(none)"));
    }
    Map<String, StreamDiff> diffs = new HashMap<>();
    result.diffs().forEach(s -> diffs.put(s.stream(), s));
    TreeSet<String> names = new TreeSet<>(legacyRaw.streams().keySet());
    names.addAll(candidateRaw.streams().keySet());
    for (String name : names) {
      byte[] ln = legacyNormalized.get().streams().get(name);
      byte[] cn = candidateNormalized.get().streams().get(name);
      byte[] lr = legacyRaw.streams().get(name);
      byte[] cr = candidateRaw.streams().get(name);
      boolean normalizedDiffers = !Arrays.equals(ln, cn);
      boolean rawDiffers = !Arrays.equals(lr, cr);
      if (!normalizedDiffers && !rawDiffers) {
        continue;
      }
      ObjectNode s = streams.addObject();
      s.put("name", name);
      StreamDiff known = diffs.get(name);
      if ((known != null && known.kind() == StreamDiff.Kind.BINARY)
          || looksBinary(ln, cn, lr, cr)) {
        s.put("binary", known == null ? "binary content differs" : known.unified());
        continue;
      }
      s.put("comparedEqual", !normalizedDiffers);
      s.set("normalized", view(ln, cn, result.id()));
      boolean sameAsRaw = Arrays.equals(ln, lr) && Arrays.equals(cn, cr);
      if (!sameAsRaw) {
        s.set("raw", view(lr, cr, result.id()));
      }
      // The same structural diff as the comparison's (verdict.json's jsonChanges), on what is
      // shown.
      new JsonDiffer(MAX_POINTERS)
          .diff(name, text(ln), text(cn))
          .ifPresent(
              changes ->
                  s.set(
                      "pointers",
                      JSON.valueToTree(changes.stream().map(HtmlReporter::pointer).toList())));
    }
    return d;
  }

  /** {@code changed /users/0/name}; {@code added line 2: /x} in JSON Lines. */
  static String pointer(JsonChange change) {
    return change.kind().label()
        + " "
        + (change.path().isEmpty() && change.line() == 0 ? "(root)" : change.where());
  }

  private static ObjectNode view(
      byte @Nullable [] legacy, byte @Nullable [] candidate, String caseId) {
    String left = text(legacy);
    String right = text(candidate);
    SideBySide.Rows rows = SideBySide.of(bounded(left, caseId), bounded(right, caseId));
    ObjectNode v = JSON.createObjectNode();
    v.set("rows", rows.rows());
    v.put("changed", rows.changed());
    long longest = Math.max(Excerpts.utf8Length(left), Excerpts.utf8Length(right));
    boolean cut = rows.cut() || longest > VIEW_BYTES || hasLongLine(left) || hasLongLine(right);
    v.put("cut", cut);
    if (cut) {
      v.put(
          "cutNote",
          longest > VIEW_BYTES || rows.cut()
              ? Excerpts.note(VIEW_BYTES, longest, caseId)
              : Excerpts.note(LINE_BYTES, longest, caseId) + " (long lines)");
    }
    v.put("legacyMissing", legacy == null);
    v.put("candidateMissing", candidate == null);
    return v;
  }

  /** One side's lines as the page shows them: at most VIEW_BYTES in all, LINE_BYTES a line. */
  private static List<String> bounded(String text, String caseId) {
    String shown = Excerpts.cap(text, VIEW_BYTES, caseId);
    List<String> out = new ArrayList<>();
    for (String line : lines(shown)) {
      out.add(Excerpts.capLine(line, LINE_BYTES, caseId));
    }
    return out;
  }

  private static boolean hasLongLine(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (end - start > LINE_BYTES / 4
          && Excerpts.utf8Length(text.substring(start, end)) > LINE_BYTES) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static ArrayNode facts(List<Fact> facts) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    facts.forEach(f -> out.addArray().add(f.key()).add(f.message()));
    return out;
  }

  private static boolean looksBinary(byte[] @Nullable ... streams) {
    return Arrays.stream(streams)
        .anyMatch(bytes -> bytes != null && StreamContent.looksBinary(bytes));
  }

  /** UTF-8 with invalid sequences shown as U+FFFD; a missing stream is empty. */
  static String text(byte @Nullable [] bytes) {
    return bytes == null ? "" : StreamContent.lenientUtf8(bytes);
  }

  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    } else {
      lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\u23CE(no newline at end)");
    }
    return lines;
  }

  /**
   * Puts the SHA-256 of the page's one script into its Content-Security-Policy, so that the browser
   * runs that script and nothing else, as a second line of defence behind the escaping.
   */
  static String withScriptHash(String template) {
    int start = template.lastIndexOf("<script>") + "<script>".length();
    int end = template.indexOf("</script>", start);
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(template.substring(start, end).getBytes(StandardCharsets.UTF_8));
      return template.replace(
          "script-src 'unsafe-inline'",
          "script-src 'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String template() {
    try (InputStream in = HtmlReporter.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("report template " + TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Escapes what could end a script block or break a JavaScript string: {@code < > &}, U+2028,
   * U+2029.
   */
  static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    ScriptSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
      ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
