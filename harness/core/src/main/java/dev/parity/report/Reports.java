package dev.parity.report;

import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reports every run writes, in order. */
public final class Reports {
  private final List<Reporter> reporters;

  private Reports(List<Reporter> reporters) {
    this.reporters = List.copyOf(reporters);
  }

  /** verdict.json and junit.xml. */
  public static Reports standard() {
    return new Reports(List.of(new VerdictReporter(), new JUnitXmlReporter()));
  }

  /**
   * Every report: verdict.json, junit.xml, index.html, summary.md, then {@code extra} (e.g. Allure
   * results, from a module of its own).
   */
  public static Reports full(Reporter... extra) {
    List<Reporter> all =
        new ArrayList<>(
            List.of(
                new VerdictReporter(),
                new JUnitXmlReporter(),
                new HtmlReporter(),
                new MarkdownReporter()));
    all.addAll(List.of(extra));
    return new Reports(all);
  }

  /** Writes every report into {@code outputFolder} and returns the files written. */
  public List<Path> writeAll(Verdict verdict, Path outputFolder) throws IOException {
    Files.createDirectories(outputFolder);
    // Every report writes the same bounded excerpt of each case (Excerpts caps it once, here).
    Verdict shown = Excerpts.capped(verdict);
    List<Path> written = new ArrayList<>();
    for (Reporter reporter : reporters) {
      written.add(reporter.write(shown, outputFolder));
    }
    return written;
  }
}
