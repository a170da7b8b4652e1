package dev.parity.cli;

import dev.parity.fixture.ConfigException;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.ShardInfo;
import dev.parity.verdict.Verdict;
import dev.parity.verdict.VerdictJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The output folders of a sharded run, read and checked before {@code parity merge} combines them:
 * one suite, mode, command and Parity version, judged by the same suite definition, goldens,
 * candidate version and strictness, every shard once, every case in exactly one shard. Anything
 * else is a {@link ConfigException} that names the folder and how to fix it.
 */
final class ShardOutputs {
  private static final int MISSING_SHOWN = 5;
  private static final String GIVE_SHARD_OUT = "give the --out folder of each `--shard K/N` run";
  private static final VerdictFiles.InFolder SHARD =
      new VerdictFiles.InFolder(
          "shard output folder", GIVE_SHARD_OUT, GIVE_SHARD_OUT, "run that shard again");

  /** One shard's output folder and its verdict. */
  record Output(Path folder, Verdict verdict, ShardInfo info) {
    String name() {
      return "shard " + info.label() + " [" + folder + "]";
    }
  }

  private ShardOutputs() {}

  /** The shards in {@code folders}, in shard order, once checked to belong together. */
  static List<Output> read(List<Path> folders) {
    List<Output> outputs = new ArrayList<>();
    for (Path folder : folders) {
      outputs.add(read(folder));
    }
    Output first = outputs.get(0);
    same(outputs, "suites", o -> o.verdict().suite());
    same(outputs, "modes", o -> o.verdict().mode().label());
    same(outputs, "commands", o -> o.info().command());
    same(outputs, "Parity versions", o -> o.info().parity());
    same(outputs, "shard counts (N of --shard K/N)", o -> String.valueOf(o.info().count()));
    same(outputs, "--filter globs", o -> o.verdict().filter().orElse("(none)"));
    same(outputs, "case selections (suite.yaml changed between shards?)", o -> o.info().digest());
    same(
        outputs,
        "suite definitions (suite.yaml or a case file changed between shards?)",
        o -> o.info().inputs().suite());
    same(
        outputs,
        "goldens (recorded, accepted or edited between shards?)",
        o -> o.info().inputs().goldens());
    same(outputs, "--candidate-version values", o -> o.info().inputs().candidateVersion());
    same(
        outputs,
        "strictness (--strict, the default of gate where CI is set)",
        o -> o.info().inputs().strict() ? "strict" : "not strict");
    int count = first.info().count();
    Map<Integer, Output> byIndex = new TreeMap<>();
    for (Output output : outputs) {
      Output twice = byIndex.put(output.info().index(), output);
      if (twice != null) {
        throw new ConfigException(
            output.folder(),
            "shard "
                + output.info().label()
                + " is given twice, as ["
                + twice.folder()
                + "] and ["
                + output.folder()
                + "]; give each shard's output folder once");
      }
    }
    int missing = count - byIndex.size();
    if (missing > 0) {
      // The first few only: N comes from a file, and a list of every missing shard of a huge N
      // would not fit in memory.
      List<String> shown =
          IntStream.rangeClosed(1, count)
              .filter(k -> !byIndex.containsKey(k))
              .limit(MISSING_SHOWN)
              .mapToObj(k -> k + "/" + count)
              .toList();
      String listed =
          String.join(", ", shown)
              + (missing > shown.size() ? " and " + (missing - shown.size()) + " more" : "");
      throw new ConfigException(
          first.folder(),
          "missing "
              + (missing == 1 ? "shard " : "shards ")
              + listed
              + ": a merge needs the output folder of every shard 1/"
              + count
              + " to "
              + count
              + "/"
              + count
              + " (got "
              + byIndex.size()
              + "); run the missing shards or give their folders");
    }
    Map<String, Output> owner = new HashMap<>();
    for (Output output : byIndex.values()) {
      for (String id : output.info().cases()) {
        Output other = owner.put(id, output);
        if (other != null) {
          throw new ConfigException(
              output.folder(),
              "case ["
                  + id
                  + "] is in "
                  + other.name()
                  + " and in "
                  + output.name()
                  + "; the shards were split differently: run every shard with the same --timings"
                  + " FILE (or none)");
        }
      }
    }
    List<String> all = List.copyOf(owner.keySet());
    if (all.size() != first.info().total()
        || !ShardInfo.digestOf(all).equals(first.info().digest())) {
      throw new ConfigException(
          first.folder(),
          "the shards hold "
              + all.size()
              + " of the "
              + first.info().total()
              + " cases the run selects; the shards were split differently: run every shard"
              + " with the same --timings FILE (or none)");
    }
    return List.copyOf(byIndex.values());
  }

  private static Output read(Path folder) {
    Path file = folder.resolve(VerdictJson.FILE);
    Verdict verdict = SHARD.read(folder);
    if (verdict.error().isPresent()) {
      throw new ConfigException(
          file,
          "this shard's run failed ("
              + verdict.error().get()
              + "); fix it and run that shard again before merging");
    }
    if (verdict.shard().isEmpty()) {
      throw new ConfigException(
          file,
          "not the output of a sharded run (verdict.json has no shard); give the --out folders"
              + " of runs with --shard K/N");
    }
    ShardInfo info = verdict.shard().get();
    if (info.count() < 1 || info.index() < 1 || info.index() > info.count()) {
      throw new ConfigException(
          file,
          "shard ["
              + info.label()
              + "] does not exist (verdict.json edited?); give the --out folders of runs with"
              + " --shard K/N, 1 <= K <= N");
    }
    List<String> results = verdict.fixtures().stream().map(CaseResult::id).sorted().toList();
    if (!results.equals(info.cases())) {
      throw new ConfigException(
          file,
          "shard "
              + info.label()
              + " names "
              + info.cases().size()
              + " cases but holds "
              + results.size()
              + " case results; run that shard again");
    }
    return new Output(folder, verdict, info);
  }

  private static void same(List<Output> outputs, String what, Function<Output, String> of) {
    Output first = outputs.get(0);
    for (Output output : outputs) {
      if (!Objects.equals(of.apply(first), of.apply(output))) {
        throw new ConfigException(
            output.folder(),
            "shards of different "
                + what
                + ": ["
                + first.folder()
                + "] has ["
                + of.apply(first)
                + "], ["
                + output.folder()
                + "] has ["
                + of.apply(output)
                + "]; merge the shards of one run only");
      }
    }
  }
}
