package dev.parity.cli;

import dev.parity.fixture.Shard;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --shard K/N} and {@code --timings FILE}, for the commands that run a suite's cases. */
final class ShardOption {
  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Run only shard K of N (1 <= K <= N <= 10000): every case is in exactly one shard, chosen by a hash"
              + " of its id (or by --timings). Reports go to <reports>/shard-K-of-N unless --out is"
              + " given; combine the N output folders with parity merge. See docs/sharding.md.")
  @Nullable String shard;

  @Option(
      names = "--timings",
      paramLabel = "FILE",
      description =
          "With --shard: balance the shards by the case durations in FILE, the verdict.json of an"
              + " earlier run (e.g. an earlier merge). Every shard must be given the same FILE.")
  @Nullable Path timings;

  /** The shard to run, empty without {@code --shard}; a usage error for a bad value. */
  Optional<Shard> shard(CommandLine commandLine) {
    if (shard == null) {
      if (timings != null) {
        throw new CommandLine.ParameterException(
            commandLine, "--timings balances shards: give --shard K/N with it");
      }
      return Optional.empty();
    }
    Shard part;
    try {
      part = Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    return Optional.of(timings == null ? part : part.withTimings(durations(timings)));
  }

  /** Milliseconds per case id (both sides' runs together) in the verdict.json {@code file}. */
  private static Map<String, Long> durations(Path file) {
    String fix = "; give the verdict.json of an earlier run of the suite";
    Verdict verdict =
        VerdictFiles.read(
            file,
            "--timings file [" + file + "] does not exist" + fix,
            problem ->
                "--timings file ["
                    + file
                    + "] is not a readable verdict.json ("
                    + problem
                    + ")"
                    + fix);
    Map<String, Long> durations = new HashMap<>();
    for (CaseResult result : verdict.fixtures()) {
      durations.put(
          result.id(), result.durationsMs().values().stream().mapToLong(Long::longValue).sum());
    }
    return durations;
  }

  /** The reports folder of {@code shard} inside the suite's reports folder {@code reports}. */
  static Path folder(Path reports, Optional<Shard> shard) {
    return shard.map(s -> reports.resolve(s.folderName())).orElse(reports);
  }
}
