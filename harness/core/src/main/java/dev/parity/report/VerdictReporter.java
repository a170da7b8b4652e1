package dev.parity.report;

import dev.parity.files.AtomicFiles;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes {@code verdict.json}, the machine-readable outcome pipelines read. */
final class VerdictReporter implements Reporter {
  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    Path file = outputFolder.resolve(VerdictJson.FILE);
    AtomicFiles.replace(file, VerdictJson.toJson(verdict).getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
