package dev.parity.report;

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

  /** Writes every report into {@code outputFolder} and returns the files written. */
  public List<Path> writeAll(Verdict verdict, Path outputFolder) throws IOException {
    Files.createDirectories(outputFolder);
    List<Path> written = new ArrayList<>();
    for (Reporter reporter : reporters) {
      written.add(reporter.write(verdict, outputFolder));
    }
    return written;
  }
}
