package dev.parity.report;

import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Path;

/** Writes one kind of report for a verdict into an output folder. */
public interface Reporter {

  /** Writes the report and returns the file written. */
  Path write(Verdict verdict, Path outputFolder) throws IOException;
}
