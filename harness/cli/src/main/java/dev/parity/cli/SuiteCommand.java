package dev.parity.cli;

import dev.parity.allure.AllureReporter;
import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Case;
import dev.parity.fixture.Shard;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteDefinition;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.report.Reports;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.session.SuiteRun;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Mode;
import dev.parity.verdict.ShardInfo;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** What record, verify and compare share: load the suite, run, write reports, print, exit. */
abstract class SuiteCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin CommonOptions common;

  @Mixin JobsOption jobs;

  @Mixin ShardOption shard;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where this command reads goldens: its {@code --golden} option, or the default folder. */
  GoldenOption golden() {
    return new GoldenOption();
  }

  /** Runs this command's mode. */
  abstract Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant startedAt = Instant.now();
    Optional<Shard> part = shard.shard(spec.commandLine());
    try (StoppedRun stop =
        StoppedRun.watch(outFolder(suite.folder, common, part), suite.folder, mode(), startedAt)) {
      try {
        RunOptions options =
            new RunOptions(common.filter(), jobs.jobs(spec.commandLine()), false)
                .withClock(ParityCommand.of(spec).clock())
                .withShard(part);
        Verdict verdict =
            runSuite(
                suite.folder,
                common,
                golden(),
                own(options),
                strict(),
                out,
                this::run,
                Then.NOTHING,
                stop);
        after(verdict, out);
        out.flush();
        return ExitCodes.of(verdict);
      } catch (Exception | Error e) {
        stop.failed(e);
        throw e;
      }
    }
  }

  /** {@code options} with this command's own options that the whole run (strict too) needs. */
  RunOptions own(RunOptions options) {
    return options;
  }

  /** The mode this command runs in, for the reports of a run that failed. */
  abstract Mode mode();

  /** Where a suite's reports go. */
  static Path outFolder(Path suiteFolder, CommonOptions common) {
    return outFolder(suiteFolder, common, Optional.empty());
  }

  /** Where the reports of a run of {@code shard} go: {@code shard-K-of-N} in the suite's. */
  static Path outFolder(Path suiteFolder, CommonOptions common, Optional<Shard> shard) {
    return common.out != null
        ? common.out
        : ShardOption.folder(Layout.reportsOf(suiteFolder), shard);
  }

  /**
   * Whether the run also fails on orphan goldens, pending results and expired accepted differences;
   * only verify offers it.
   */
  boolean strict() {
    return false;
  }

  /** Prints what the command adds after the summary; nothing by default. */
  void after(Verdict verdict, PrintWriter out) {}

  interface Step {
    Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options);
  }

  /**
   * What runs after the cases on the same runner, before the reports are written (the gate's
   * benchmark): it may replace the verdict and add report files.
   */
  interface Then {
    Then NOTHING = (behaviour, suite, runner, run) -> new Outcome(behaviour, List.of());

    /** Checks what it needs of the loaded suite before any case runs. */
    default void prepare(Suite suite) {}

    /** The command that runs, as a shard's verdict names it. */
    default String command(Mode mode) {
      return mode.label();
    }

    Outcome run(Verdict behaviour, Suite suite, Runner runner, Started run) throws Exception;
  }

  /** Where a run's reports go and when it started ({@link System#nanoTime}). */
  record Started(Path outFolder, long nanoTime) {}

  /** The verdict to report and the files written besides the reports. */
  record Outcome(Verdict verdict, List<Path> written) {}

  /**
   * Loads, runs and reports one suite: {@code mode} runs the cases, {@code then} what follows on
   * the same runner, and a {@code strict} run also fails on review work left undone ({@link
   * Strictness}); shared by every command that runs a suite. The reports are written through {@code
   * stop}, unless the run was stopped by a signal.
   */
  static Verdict runSuite(
      Path suiteFolder,
      CommonOptions common,
      GoldenOption golden,
      RunOptions options,
      boolean strict,
      PrintWriter out,
      Step mode,
      Then then,
      StoppedRun stop)
      throws Exception {
    Suite loaded = new SuiteLoader().load(suiteFolder);
    Path goldenFolder = golden.folder(loaded);
    Path outFolder = outFolder(loaded.folder(), common, options.shard());
    // record and verify keep their pending results in the output folder, for review.
    options = options.withOut(outFolder);
    List<Case> selected = loaded.select(options.filter());
    then.prepare(loaded);
    Started started = new Started(outFolder, System.nanoTime());
    Outcome outcome;
    // The runner starts servers and containers on first use; closing it stops them, even on
    // failure. One runner for both steps: they start once.
    try (Runner runner = Runners.standard()) {
      Verdict behaviour;
      try (ProgressDisplay progress = ProgressDisplay.forConsole(loaded.key())) {
        behaviour = SuiteRun.cases(loaded, goldenFolder, options, runner, progress, mode::run);
      }
      outcome = then.run(behaviour, loaded, runner, started);
    }
    Verdict verdict = SuiteRun.judged(outcome.verdict(), loaded, goldenFolder, options, strict);
    if (options.shard().isPresent()) {
      verdict =
          verdict.withShard(
              new ShardInfo(
                  options.shard().get().index(),
                  options.shard().get().count(),
                  ParityCommand.version(),
                  then.command(verdict.mode()),
                  selected.size(),
                  ShardInfo.digestOf(selected.stream().map(Case::id).toList()),
                  options.cases(loaded).stream().map(Case::id).toList(),
                  inputs(loaded, goldenFolder, verdict.mode(), selected, options, strict)));
    }
    Verdict reported = verdict;
    List<Path> written =
        new ArrayList<>(stop.report(() -> reports().writeAll(reported, outFolder)));
    written.addAll(outcome.written());
    new Summary(out).print(verdict, written);
    return verdict;
  }

  /**
   * What a shard judged its cases by, for the merge to check: the suite's definition, the goldens
   * of every selected case (verify reads them; record writes its own shard's, compare reads none),
   * the candidate version and strictness.
   */
  private static ShardInfo.Inputs inputs(
      Suite loaded,
      Path goldenFolder,
      Mode mode,
      List<Case> selected,
      RunOptions options,
      boolean strict) {
    String goldens =
        mode == Mode.VERIFY
            ? new GoldenStore(goldenFolder).states(selected.stream().map(Case::id).toList())
            : ShardInfo.Inputs.NONE;
    return new ShardInfo.Inputs(
        SuiteDefinition.digest(loaded.folder()),
        goldens,
        options.candidateVersion().map(String::valueOf).orElse(ShardInfo.Inputs.NONE),
        strict);
  }

  /** Every report a run (or {@code parity report}) writes. */
  static Reports reports() {
    return Reports.full(new AllureReporter());
  }
}
