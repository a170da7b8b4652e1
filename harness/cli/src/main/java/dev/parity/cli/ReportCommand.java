package dev.parity.cli;

import dev.parity.archive.RunArchive;
import dev.parity.fixture.ConfigException;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the reports of an earlier run from its output folder, without running anything"
          + " (but --shrink, which runs the smallest case of each cluster again).",
      "Reads verdict.json and observations/ and writes verdict.json, junit.xml, index.html, "
          + "summary.md and allure-results/ again. Exits with the stored verdict's exit code (0, 1 or "
          + "3), or 2 when the folder holds no readable verdict. See docs/reports.md."
    })
final class ReportCommand implements Callable<Integer> {
  private static final VerdictFiles.InFolder EARLIER_RUN =
      new VerdictFiles.InFolder(
          "output folder",
          "give the --out folder of a run (default reports/<suite>)",
          "run `parity verify` or `parity compare` first, or give its --out folder",
          "re-run the suite to write it again");

  @Parameters(
      index = "0",
      paramLabel = "<out-dir>",
      description = "The output folder of an earlier run (the one holding verdict.json).")
  Path outDir;

  @CommandLine.Mixin ShrinkOptions shrink;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path verdictFile = outDir.resolve(VerdictJson.FILE);
    Verdict verdict = EARLIER_RUN.read(outDir);
    if (verdict == null || verdict.fixtures() == null || verdict.mode() == null) {
      throw new ConfigException(
          verdictFile,
          "not a Parity verdict (no mode or fixtures); re-run the suite to write it again");
    }
    if (!Files.isDirectory(RunArchive.in(outDir).folder())) {
      out.println(
          "Note: no "
              + RunArchive.FOLDER
              + "/ in "
              + outDir
              + "; index.html shows the stored diffs only.");
    }
    // The decision is recomputed from the statuses: a hand-edited decision is not trusted.
    verdict = verdict.rejudged();
    verdict = shrink.apply(verdict, outDir, spec.commandLine(), out);
    List<Path> written = SuiteCommand.reports().writeAll(verdict, outDir);
    new Summary(out).print(verdict, written);
    return ExitCodes.of(verdict);
  }
}
