package dev.parity.cli;

import dev.parity.archive.RunArchive;
import dev.parity.files.OutputFolder;
import dev.parity.fixture.ConfigException;
import dev.parity.verdict.ExitCodes;
import dev.parity.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combine the output folders of a run split with --shard K/N into one verdict, one set of "
          + "reports (verdict.json, junit.xml, index.html, summary.md, allure-results/) and one "
          + "decision, judged again from the merged case results.",
      "Refuses (exit 2) shards of different suites, modes, commands or Parity versions, shards "
          + "judged by different suite definitions, goldens, --candidate-version values or "
          + "strictness (a stale shard beside fresh ones), a missing shard, a shard given twice, "
          + "and a case in two shards. Exits like the run would have. See docs/sharding.md."
    })
final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "<out-dir>",
      description = "The output folder of every shard (default reports/<suite>/shard-K-of-N).")
  List<Path> shards;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the merged verdict.json and reports go (default: reports/<suite> in the working"
              + " directory).")
  @Nullable Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter console = spec.commandLine().getOut();
    List<ShardOutputs.Output> outputs = ShardOutputs.read(shards);
    List<Verdict> verdicts = outputs.stream().map(ShardOutputs.Output::verdict).toList();
    Path folder = out != null ? out : Path.of("reports", verdicts.get(0).suite());
    for (ShardOutputs.Output output : outputs) {
      if (same(output.folder(), folder)) {
        throw new ConfigException(
            folder,
            "--out ["
                + folder
                + "] is the output folder of "
                + output.name()
                + "; give another folder for the merged reports");
      }
    }
    Verdict merged = Verdict.merge(verdicts);
    OutputFolder.claim(folder);
    RunArchive archive = RunArchive.in(folder);
    archive.clear();
    for (ShardOutputs.Output output : outputs) {
      archive.absorb(RunArchive.in(output.folder()));
    }
    List<Path> written = SuiteCommand.reports().writeAll(merged, folder);
    new Summary(console).print(merged, written);
    console.flush();
    return ExitCodes.of(merged);
  }

  /** The same folder, also through a symbolic link (the merge would clear the shard's files). */
  private static boolean same(Path a, Path b) throws IOException {
    if (Files.exists(a) && Files.exists(b)) {
      return Files.isSameFile(a, b);
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
