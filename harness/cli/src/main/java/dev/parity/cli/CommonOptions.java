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
          "Where verdict.json and the reports go (default: reports/<suite> beside the fixtures/ folder).")
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
