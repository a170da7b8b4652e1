package dev.parity.cli;

import dev.parity.allure.AllureReporter;
import dev.parity.archive.RunArchive;
import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.report.Reports;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What record, verify and compare share: load the suite, run, write reports, print, exit. */
abstract class SuiteCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "<suite>",
      description = "Path to the suite folder (the one holding suite.yaml).")
  Path suite;

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs this command's mode. */
  abstract Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant startedAt = Instant.now();
    try {
      if (common.jobs < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--jobs must be at least 1, was [" + common.jobs + "]");
      }
      Verdict verdict = runSuite(suite, common, out, this::run);
      after(verdict, out);
      out.flush();
      return ExitCodes.of(verdict);
    } catch (Exception | Error e) {
      FailedRun.replaceReports(outFolder(suite, common), suite, mode(), e, startedAt);
      throw e;
    }
  }

  /** The mode this command runs in, for the reports of a run that failed. */
  abstract Mode mode();

  /** Where a suite's reports go. */
  static Path outFolder(Path suiteFolder, CommonOptions common) {
    return common.out != null ? common.out : Layout.reportsOf(suiteFolder);
  }

  /** Prints what the command adds after the summary; nothing by default. */
  void after(Verdict verdict, PrintWriter out) {}

  interface Step {
    Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options);
  }

  /** Loads, runs and reports one suite; shared with the demo command. */
  static Verdict runSuite(Path suiteFolder, CommonOptions common, PrintWriter out, Step mode)
      throws Exception {
    Suite loaded = new SuiteLoader().load(suiteFolder);
    Path goldenFolder = common.golden != null ? common.golden : Layout.goldenOf(loaded.folder());
    Path outFolder = outFolder(loaded.folder(), common);
    RunOptions options = new RunOptions(common.filter(), common.jobs, false);
    loaded.select(options.filter());
    RunArchive archive = RunArchive.in(outFolder);
    archive.clear();
    // The runner starts servers and containers on first use; closing it stops them, even on
    // failure.
    try (ProgressDisplay progress = ProgressDisplay.forConsole(loaded.key());
        Runner runner = Runners.standard()) {
      Engine engine =
          new Engine(runner, new ObservationComparator(), progress, archive.sink(loaded));
      Verdict run = mode.run(engine, loaded, new GoldenStore(goldenFolder), options);
      Verdict verdict = common.filter().map(run::filtered).orElse(run);
      runner.close();
      progress.close();
      List<Path> written = reports().writeAll(verdict, outFolder);
      new Summary(out).print(verdict, written);
      return verdict;
    }
  }

  /** Every report a run (or {@code parity report}) writes. */
  static Reports reports() {
    return Reports.full(new AllureReporter());
  }
}
