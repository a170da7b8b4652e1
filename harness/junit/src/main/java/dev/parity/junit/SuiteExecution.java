package dev.parity.junit;

import dev.parity.allure.AllureReporter;
import dev.parity.archive.RunArchive;
import dev.parity.engine.Progress;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Suite;
import dev.parity.report.Reports;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.session.RunFailure;
import dev.parity.session.SuiteRun;
import dev.parity.verdict.Decision;
import dev.parity.verdict.Excerpts;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one suite container: the selected cases through the engine the CLI uses, the CLI's reports
 * in the same folder ({@code reports/<suite>} beside {@code fixtures/}), then one event per case.
 */
final class SuiteExecution {
  private static final Reports REPORTS = Reports.full(new AllureReporter());

  private final SuiteDescriptor suite;
  private final Settings settings;
  private final EngineExecutionListener listener;

  SuiteExecution(SuiteDescriptor suite, Settings settings, EngineExecutionListener listener) {
    this.suite = suite;
    this.settings = settings;
    this.listener = listener;
  }

  void run() {
    listener.executionStarted(suite);
    Instant startedAt = Instant.now();
    Path outFolder = SuiteRun.reportsOf(suite.folder());
    Mode mode = settings.mode() == Settings.Mode.COMPARE ? Mode.COMPARE : Mode.VERIFY;
    Optional<RuntimeException> problem =
        settings.problem().<RuntimeException>map(ParityConfigurationError::new).or(suite::problem);
    if (problem.isPresent()) {
      RunFailure.replaceReports(
          outFolder, suite.folder(), mode, problem.get(), startedAt, REPORTS, List.of());
      listener.executionFinished(suite, TestExecutionResult.failed(failure(problem.get())));
      return;
    }
    Suite loaded = suite.suite().orElseThrow();
    List<CaseDescriptor> cases = cases();
    Verdict verdict;
    try {
      verdict = verdict(loaded, cases, outFolder, mode);
      REPORTS.writeAll(verdict, outFolder);
    } catch (IOException | RuntimeException e) {
      RunFailure.replaceReports(outFolder, suite.folder(), mode, e, startedAt, REPORTS, List.of());
      String reason = "not run: " + RunFailure.describe(e);
      cases.forEach(c -> listener.executionSkipped(c, reason));
      listener.executionFinished(suite, TestExecutionResult.failed(failure(e)));
      return;
    }
    listener.reportingEntryPublished(
        suite, ReportEntry.from("parity.verdict", outFolder.resolve(VerdictJson.FILE).toString()));
    CaseOutcomes outcomes = new CaseOutcomes(Excerpts.capped(verdict), RunArchive.in(outFolder));
    boolean anyFailed = false;
    for (CaseDescriptor c : cases) {
      listener.executionStarted(c);
      TestExecutionResult result = outcomes.of(c.caseId());
      anyFailed |= result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
      listener.executionFinished(c, result);
    }
    // A decision of legacy that no failing case explains (strict problems, no case at all) fails
    // the suite itself: a run never looks green while its verdict says keep legacy.
    if (verdict.decision() == Decision.LEGACY && (!anyFailed || !verdict.strict().isEmpty())) {
      listener.executionFinished(
          suite,
          TestExecutionResult.failed(
              new AssertionFailedError(
                  "decision legacy: " + String.join("; ", verdict.reasons()))));
      return;
    }
    listener.executionFinished(suite, TestExecutionResult.successful());
  }

  private List<CaseDescriptor> cases() {
    return suite.getChildren().stream()
        .filter(CaseDescriptor.class::isInstance)
        .map(CaseDescriptor.class::cast)
        .toList();
  }

  /** Runs the selected cases as the CLI would, and judges the run. */
  private Verdict verdict(Suite loaded, List<CaseDescriptor> cases, Path outFolder, Mode mode)
      throws IOException {
    Set<String> ids = cases.stream().map(CaseDescriptor::caseId).collect(Collectors.toSet());
    Suite selected =
        loaded.withCases(loaded.cases().stream().filter(c -> ids.contains(c.id())).toList());
    Path goldenFolder = SuiteRun.goldenOf(loaded.folder());
    RunOptions options =
        new RunOptions(Optional.empty(), settings.jobs(), false).withOut(outFolder);
    Verdict behaviour;
    // The runner starts servers and containers on first use; closing it stops them.
    try (Runner runner = Runners.standard()) {
      behaviour =
          SuiteRun.cases(
              selected,
              goldenFolder,
              options,
              runner,
              Progress.NONE,
              (engine, s, goldens, o) ->
                  mode == Mode.COMPARE ? engine.compare(s, o) : engine.verify(s, goldens, o));
    }
    // Strictness looks at the whole suite: goldens of cases not selected are no orphans.
    Verdict verdict = SuiteRun.judged(behaviour, loaded, goldenFolder, options, settings.strict());
    if (selected.cases().size() < loaded.cases().size()) {
      // The decision then holds for the selected cases only, which the verdict must say.
      verdict =
          verdict.filtered(
              "JUnit selection of "
                  + selected.cases().size()
                  + " of "
                  + loaded.cases().size()
                  + " cases");
    }
    return verdict;
  }

  /** What fails the container: a configuration error without a trace, anything else as it is. */
  private static Throwable failure(Throwable problem) {
    if (problem instanceof ConfigException) {
      return new ParityConfigurationError(RunFailure.describe(problem));
    }
    return problem;
  }
}
