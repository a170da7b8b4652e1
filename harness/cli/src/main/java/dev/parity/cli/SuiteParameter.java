package dev.parity.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code <suite>} folder every suite command takes first. */
final class SuiteParameter {
  @Parameters(
      index = "0",
      paramLabel = "<suite>",
      description = "Path to the suite folder (the one holding suite.yaml).")
  Path folder;
}
