package dev.parity.cli;

import dev.parity.bench.Bench;
import dev.parity.bench.BenchProgress;
import dev.parity.bench.BenchReport;
import dev.parity.files.AtomicFiles;
import dev.parity.files.OutputFolder;
import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.PerformanceStatus;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark legacy against candidate on the suite's cases (those matching --filter, else "
          + "those tagged 'bench', else all) with JMH, in alternating paired rounds, and judge the "
          + "95%% bootstrap interval of the candidate/legacy time ratio against the suite's "
          + "performance gate (default maxRatio 1.10).",
      "Writes bench.json. Method: docs/benchmarks.md."
    })
final class BenchCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Option(
      names = "--filter",
      paramLabel = "GLOB",
      description = "Benchmark only cases whose id matches this glob.")
  @Nullable String filter;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where bench.json goes (default: reports/<suite> beside the fixtures/ folder); as for the"
              + " other commands, a folder that holds other files than Parity's is refused"
              + " (docs/reports.md).")
  @Nullable Path out;

  @Mixin BenchOptionsMixin bench;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Suite loaded = new SuiteLoader().load(suite.folder);
    var options = bench.options(spec.commandLine(), Optional.ofNullable(filter));
    Bench.select(loaded, options.filter());
    Path folder = this.out != null ? this.out : Layout.reportsOf(loaded.folder());
    // Before the benchmark: a folder of the user's files is refused now, not after minutes; and a
    // bench.json left there would make the next run take the folder as its own and replace them.
    OutputFolder.claim(folder);
    BenchReport report;
    try (Runner runner = Runners.standard()) {
      report = new Bench(runner, progress(out)).run(loaded, options);
    }
    Path file = write(report, folder);
    new BenchSummary(out).print(report);
    out.println("Report: " + file);
    out.flush();
    return report.performance().status() == PerformanceStatus.PASS
        ? ExitCodes.PASS
        : ExitCodes.MISMATCH;
  }

  static BenchProgress progress(PrintWriter out) {
    return new BenchProgress() {
      @Override
      public void caseStarted(Case testCase, int index, int total) {
        out.println("bench " + (index + 1) + "/" + total + ": " + testCase.id());
        out.flush();
      }
    };
  }

  static Path write(BenchReport report, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(BenchReport.FILE);
    String json =
        VerdictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
    AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
