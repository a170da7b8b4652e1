package dev.parity.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parity.archive.RunArchive;
import dev.parity.bench.Bench;
import dev.parity.bench.BenchOptions;
import dev.parity.bench.BenchReport;
import dev.parity.diff.ObservationComparator;
import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Group;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Decide which implementation ships: verify the candidate against the goldens",
      "(or, with --live, compare both sides live), then benchmark both (see",
      "'parity bench'). Writes verdict.json with the decision, its reasons, the",
      "performance and one decision per group (case tag). The candidate ships only",
      "when every case passes and performance passes; anything failing, erroring or",
      "inconclusive decides legacy. Exit 0 when the candidate ships, 1 when legacy stays."
    })
final class GateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "<suite>",
      description = "Path to the suite folder (the one holding suite.yaml).")
  Path suite;

  @Mixin CommonOptions common;

  @Mixin BenchOptionsMixin bench;

  @Mixin NoiseOption noise;

  @Option(
      names = "--live",
      description = "Compare legacy and candidate live instead of verifying against the goldens.")
  boolean live;

  @Option(
      names = "--github-output",
      paramLabel = "FILE",
      description =
          "Append the decision for GitHub Actions to FILE (use \"$GITHUB_OUTPUT\"): decision=...,"
              + " status=pass|fail|unavailable|error, scope=all|filtered (filtered: --filter was"
              + " given and the decision holds for the selected cases only), performance=...,"
              + " ratio=..., one group-<tag>=... line per group, and groups=<JSON object of tag to"
              + " decision>.")
  @Nullable Path githubOutput;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant startedAt = Instant.now();
    try {
      return gate();
    } catch (Exception | Error e) {
      Verdict failed =
          FailedRun.replaceReports(
              SuiteCommand.outFolder(suite, common),
              suite,
              live ? Mode.COMPARE : Mode.VERIFY,
              e,
              startedAt);
      if (githubOutput != null) {
        try {
          writeGithubOutput(githubOutput, failed);
        } catch (IOException ignored) {
          // The failure itself is what the user must see; the job fails on exit 2 anyway.
        }
      }
      throw e;
    }
  }

  private int gate() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (common.jobs < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jobs must be at least 1, was [" + common.jobs + "]");
    }
    Suite loaded = new SuiteLoader().load(suite);
    BenchOptions benchOptions = bench.options(spec.commandLine(), common.filter());
    RunOptions options =
        new RunOptions(common.filter(), common.jobs, false)
            .withNoise(noise.mode(spec.commandLine()));
    loaded.select(options.filter());
    Bench.select(loaded, benchOptions.filter());
    Path goldenFolder = common.golden != null ? common.golden : Layout.goldenOf(loaded.folder());
    Path outFolder = SuiteCommand.outFolder(loaded.folder(), common);
    long start = System.nanoTime();

    Verdict behaviour;
    BenchReport report;
    RunArchive archive = RunArchive.in(outFolder);
    archive.clear();
    // One runner for both steps: servers and containers start once and stop when it closes.
    try (Runner runner = Runners.standard()) {
      try (ProgressDisplay progress = ProgressDisplay.forConsole(loaded.key())) {
        Engine engine =
            new Engine(runner, new ObservationComparator(), progress, archive.sink(loaded));
        behaviour =
            live
                ? engine.compare(loaded, options)
                : engine.verify(loaded, new GoldenStore(goldenFolder), options);
      }
      report = new Bench(runner, BenchCommand.progress(out)).run(loaded, benchOptions);
    }
    Verdict gated =
        Verdict.gate(
            behaviour,
            report.performance(),
            report.groups(),
            (System.nanoTime() - start) / 1_000_000);
    Verdict verdict = common.filter().map(gated::filtered).orElse(gated);

    List<Path> written = new ArrayList<>(SuiteCommand.reports().writeAll(verdict, outFolder));
    written.add(BenchCommand.write(report, outFolder));
    new BenchSummary(out).print(report);
    out.println();
    new Summary(out).print(verdict, written);
    printGroups(out, verdict);
    if (githubOutput != null) {
      writeGithubOutput(githubOutput, verdict);
      out.println("GitHub output: " + githubOutput);
    }
    out.flush();
    return ExitCodes.of(verdict);
  }

  private static void printGroups(PrintWriter out, Verdict verdict) {
    if (verdict.groups().isEmpty()) {
      return;
    }
    out.println("Groups:");
    int width = verdict.groups().keySet().stream().mapToInt(String::length).max().orElse(0);
    verdict
        .groups()
        .forEach(
            (tag, group) ->
                out.printf(
                    Locale.ROOT,
                    "  %-" + width + "s : %-9s (%s)%n",
                    tag,
                    group.decision().label(),
                    ConsoleText.line(String.join("; ", group.reasons()))));
  }

  /**
   * Appends {@code name=value} lines in the format of GitHub Actions' {@code $GITHUB_OUTPUT} file.
   */
  static void writeGithubOutput(Path file, Verdict verdict) throws IOException {
    StringBuilder lines = new StringBuilder();
    lines.append("decision=").append(verdict.decision().label()).append('\n');
    // A filtered run decides for its selected cases only; a pipeline must be able to tell.
    lines.append("status=").append(verdict.status().label()).append('\n');
    lines.append("scope=").append(verdict.scope()).append('\n');
    verdict
        .performance()
        .ifPresent(
            p -> {
              lines.append("performance=").append(p.status().label()).append('\n');
              if (p.ratio().isPresent()) {
                lines
                    .append("ratio=")
                    .append(String.format(Locale.ROOT, "%.3f", p.ratio().getAsDouble()))
                    .append('\n');
              }
            });
    Map<String, String> groups = new LinkedHashMap<>();
    for (Map.Entry<String, Group> entry : verdict.groups().entrySet()) {
      groups.put(entry.getKey(), entry.getValue().decision().label());
      lines
          .append("group-")
          .append(entry.getKey())
          .append('=')
          .append(entry.getValue().decision().label())
          .append('\n');
    }
    lines
        .append("groups=")
        .append(
            VerdictJson.mapper()
                .writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(groups))
        .append('\n');
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(
        file,
        lines,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
