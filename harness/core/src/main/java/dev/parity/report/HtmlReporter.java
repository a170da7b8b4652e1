package dev.parity.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.parity.archive.RunArchive;
import dev.parity.files.AtomicFiles;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Clusters;
import dev.parity.verdict.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

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

  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    RunArchive archive = RunArchive.in(outputFolder);
    Map<String, List<String>> clusterIds = Clusters.byCase(verdict.clusters());
    Path file = outputFolder.resolve(FILE);
    // Into a new file renamed over index.html: never half a page, never through a link left there.
    // An OutputStreamWriter writes a char no UTF-8 can hold (an unpaired surrogate) as '?'.
    AtomicFiles.replace(file, bytes -> write(verdict, archive, clusterIds, bytes));
    return file;
  }

  private static void write(
      Verdict verdict, RunArchive archive, Map<String, List<String>> clusterIds, OutputStream bytes)
      throws IOException {
    String template = HtmlPage.template();
    int data = template.indexOf("{{data}}");
    int details = template.indexOf("{{details}}");
    // Flushed, not closed: AtomicFiles owns the file.
    Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    String head = template.substring(0, data);
    head =
        head.replace(
            "{{title}}",
            StringEscapeUtils.escapeHtml4(
                "Parity " + verdict.mode().label() + " " + verdict.suite()));
    out.write(head);
    out.write(HtmlPage.JSON.writeValueAsString(HtmlSummary.of(verdict, clusterIds)));
    out.write(template, data + "{{data}}".length(), details - data - "{{data}}".length());
    // One block per case, built and written one at a time so memory stays bounded by the largest
    // case, straight into the page's writer: a generator of its own per block (no separator
    // between blocks) that leaves the writer open.
    ObjectWriter block = HtmlPage.JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    List<CaseResult> fixtures = verdict.fixtures();
    for (int i = 0; i < fixtures.size(); i++) {
      out.write("<script type=\"application/json\" id=\"case-" + i + "\">");
      block.writeValue(out, CaseDetails.of(fixtures.get(i), archive, verdict.mode().label()));
      out.write("</script>\n");
    }
    out.write(template.substring(details + "{{details}}".length()));
    out.flush();
  }
}
