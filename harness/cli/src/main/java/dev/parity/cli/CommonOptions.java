package dev.parity.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options shared by record, verify, compare and gate (with {@link JobsOption}); those that read
 * goldens add {@link GoldenOption}.
 */
final class CommonOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where verdict.json and the reports go (default: reports/<suite> beside the fixtures/"
              + " folder): a new or empty folder, or one Parity wrote before; any other folder is"
              + " refused, since each run replaces its reports there.")
  @Nullable Path out;

  @Option(
      names = "--filter",
      paramLabel = "GLOB",
      description = "Run only cases whose id matches this glob, e.g. 'search/*' or '**/utf8'.")
  @Nullable String filter;

  Optional<String> filter() {
    return Optional.ofNullable(filter);
  }
}
