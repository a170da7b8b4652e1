package dev.parity.session;

import dev.parity.archive.ArchiveSink;
import dev.parity.archive.RunArchive;
import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.Progress;
import dev.parity.engine.RunOptions;
import dev.parity.engine.Strictness;
import dev.parity.files.OutputFolder;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import dev.parity.run.Runner;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a loaded suite's cases and judges the run the same way for every front end, so that the CLI
 * and the JUnit engine cannot disagree on a verdict.
 */
public final class SuiteRun {
  private SuiteRun() {}

  /** The default golden folder of a suite: {@code golden/<suite>} beside its {@code fixtures/}. */
  public static Path goldenOf(Path suiteFolder) {
    return besideFixtures(suiteFolder, "golden");
  }

  /** The default report folder of a suite: {@code reports/<suite>} beside its {@code fixtures/}. */
  public static Path reportsOf(Path suiteFolder) {
    return besideFixtures(suiteFolder, "reports");
  }

  private static Path besideFixtures(Path suiteFolder, String folder) {
    Path suite = suiteFolder.toAbsolutePath().normalize();
    return Suite.projectOf(suite).resolve(folder).resolve(String.valueOf(suite.getFileName()));
  }

  /** How one mode runs the cases: record, verify or compare on the engine. */
  public interface Step {
    Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options);
  }

  /**
   * Runs the cases of {@code suite} on {@code runner} in {@code mode}, with the goldens in {@code
   * goldenFolder}. The output folder ({@link RunOptions#out()}) must be Parity's ({@link
   * OutputFolder#claim}); what an earlier run stored there is cleared first, and the observations
   * of this run that the reports show are stored there.
   */
  public static Verdict cases(
      Suite suite,
      Path goldenFolder,
      RunOptions options,
      Runner runner,
      Progress progress,
      Step mode)
      throws IOException {
    Path outFolder =
        options
            .out()
            .orElseThrow(() -> new IllegalArgumentException("a run needs an output folder"));
    OutputFolder.claim(outFolder);
    RunArchive archive = RunArchive.in(outFolder);
    archive.clear();
    ArchiveSink sink = archive.sink(suite);
    Engine engine = new Engine(runner, new ObservationComparator(), progress, sink);
    Verdict behaviour = mode.run(engine, suite, new GoldenStore(goldenFolder), options);
    sink.finish();
    return behaviour;
  }

  /**
   * The verdict to report: limited to the filter's cases when the run had one, and a {@code strict}
   * run also failing on review work left undone ({@link Strictness}).
   */
  public static Verdict judged(
      Verdict verdict, Suite suite, Path goldenFolder, RunOptions options, boolean strict)
      throws IOException {
    Verdict judged = options.filter().map(verdict::filtered).orElse(verdict);
    if (!strict) {
      return judged;
    }
    Path outFolder =
        options
            .out()
            .orElseThrow(() -> new IllegalArgumentException("a run needs an output folder"));
    return judged.withStrict(
        Strictness.problems(
            suite, new GoldenStore(goldenFolder), new PendingStore(outFolder), options));
  }
}
