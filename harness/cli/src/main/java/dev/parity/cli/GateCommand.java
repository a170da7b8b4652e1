package dev.parity.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parity.bench.Bench;
import dev.parity.bench.BenchOptions;
import dev.parity.bench.BenchReport;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Case;
import dev.parity.fixture.Shard;
import dev.parity.fixture.Suite;
import dev.parity.fixture.Utf8;
import dev.parity.run.Runner;
import dev.parity.verdict.Decision;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Decide which implementation ships: verify the candidate against the goldens (or, with "
          + "--live, compare both sides live), then benchmark both (see 'parity bench'). Writes "
          + "verdict.json with the decision, its reasons, the performance and one decision per group "
          + "(case tag).",
      "The candidate ships only when every case passes and performance passes; anything "
          + "failing, erroring or inconclusive decides legacy."
    })
final class GateCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin CommonOptions common;

  @Mixin GoldenOption golden;

  @Mixin JobsOption jobs;

  @Mixin BenchOptionsMixin bench;

  @Mixin NoiseOption noise;

  @Mixin CandidateVersionOption version;

  @Mixin ShardOption shard;

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
              + " ratio=..., one group-<tag>=... line per group (but a tag with a line break, = or <<),"
              + " and groups=<JSON object of tag to decision>.")
  @Nullable Path githubOutput;

  @Option(
      names = "--strict",
      negatable = true,
      description =
          "Also fail while the suite has orphan goldens, pending results or expired accepted"
              + " differences, as verify --strict (default: on when the environment variable CI is"
              + " set; --no-strict turns it off).")
  @Nullable Boolean strict;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant startedAt = Instant.now();
    Optional<Shard> part = shard.shard(spec.commandLine());
    Path outFolder = SuiteCommand.outFolder(suite.folder, common, part);
    Mode mode = live ? Mode.COMPARE : Mode.VERIFY;
    try (StoppedRun stop = StoppedRun.watch(outFolder, suite.folder, mode, startedAt)) {
      try {
        return gate(part, stop);
      } catch (Exception | Error e) {
        Optional<Verdict> failed = stop.failed(e);
        if (githubOutput != null && failed.isPresent()) {
          try {
            writeGithubOutput(githubOutput, failed.get());
          } catch (IOException ignored) {
            // The failure itself is what the user must see; the job fails on exit 2 anyway.
          }
        }
        throw e;
      }
    }
  }

  private int gate(Optional<Shard> part, StoppedRun stop) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RunOptions options =
        new RunOptions(common.filter(), jobs.jobs(spec.commandLine()), false)
            .withNoise(noise.mode(spec.commandLine()))
            .withClock(ParityCommand.of(spec).clock())
            .withCandidateVersion(version.version(spec.commandLine()))
            .withShard(part);
    BenchOptions benchOptions = bench.options(spec.commandLine(), common.filter());
    Verdict verdict =
        SuiteCommand.runSuite(
            suite.folder,
            common,
            golden,
            options,
            strict != null ? strict : CiEnvironment.isSet(ParityCommand.of(spec).env()),
            out,
            (engine, loaded, goldens, o) ->
                live ? engine.compare(loaded, o) : engine.verify(loaded, goldens, o),
            new Benchmark(benchOptions, options, out),
            stop);
    printGroups(out, verdict);
    if (githubOutput != null) {
      writeGithubOutput(githubOutput, verdict);
      out.println("GitHub output: " + githubOutput);
    }
    out.flush();
    return ExitCodes.of(verdict);
  }

  /**
   * The benchmark after the cases, on their runner: the gate's verdict and bench.json. A shard
   * benchmarks those of its cases that the whole run would.
   */
  private record Benchmark(BenchOptions options, RunOptions run, PrintWriter out)
      implements SuiteCommand.Then {
    @Override
    public void prepare(Suite suite) {
      Bench.select(suite, options.filter());
    }

    @Override
    public String command(Mode mode) {
      return "gate";
    }

    @Override
    public SuiteCommand.Outcome run(
        Verdict behaviour, Suite suite, Runner runner, SuiteCommand.Started started)
        throws Exception {
      Suite benched = suite;
      if (run.shard().isPresent()) {
        Set<String> mine = Set.copyOf(run.cases(suite).stream().map(Case::id).toList());
        benched =
            suite.withCases(
                Bench.select(suite, options.filter()).stream()
                    .filter(c -> mine.contains(c.id()))
                    .toList());
        if (benched.cases().isEmpty()) {
          // Legacy: a gate never decides candidate without performance passing, not even for a
          // shard's own cases. The merge never reads a shard's decision.
          return new SuiteCommand.Outcome(
              behaviour.toBuilder()
                  .decision(Decision.LEGACY)
                  .build()
                  .withReasons(
                      List.of(
                          "this shard has no case to benchmark, so it keeps legacy for its cases;"
                              + " the merge judges performance on the other shards' benchmarks")),
              List.of());
        }
      }
      BenchReport report = new Bench(runner, BenchCommand.progress(out)).run(benched, options);
      Verdict gated =
          Verdict.gate(
              behaviour,
              report.performance(),
              report.groups(),
              (System.nanoTime() - started.nanoTime()) / 1_000_000);
      Path written = BenchCommand.write(report, started.outFolder());
      new BenchSummary(out).print(report);
      out.println();
      return new SuiteCommand.Outcome(gated, List.of(written));
    }
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

  /** Whether {@code group-<tag>} is a name the runner reads back as that name, on its one line. */
  private static boolean outputName(String tag) {
    return tag.chars().noneMatch(c -> c == '\r' || c == '\n' || c == '=')
        && !tag.contains("<<")
        && Utf8.loneSurrogate(tag) < 0;
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
      if (!outputName(entry.getKey())) {
        // A line break would start an output of the tag's choosing (decision=candidate), and `=`
        // or `<<` would change the name or read what follows as a value: in groups= only.
        continue;
      }
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
                // ASCII only: a tag's unpaired surrogate becomes an escape, not a char UTF-8 cannot
                // hold.
                .with(JsonWriteFeature.ESCAPE_NON_ASCII)
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
