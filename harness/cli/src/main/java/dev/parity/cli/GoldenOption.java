package dev.parity.cli;

import dev.parity.fixture.Suite;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --golden DIR} option of the commands that read or edit goldens without a run. */
final class GoldenOption {
  @Option(
      names = "--golden",
      paramLabel = "DIR",
      description =
          "Where the suite's goldens are (default: golden/<suite> beside the fixtures/ folder).")
  @Nullable Path golden;

  /** The golden folder of {@code suite}: the option's, or the default beside fixtures/. */
  Path folder(Suite suite) {
    return golden != null ? golden : Layout.goldenOf(suite.folder());
  }
}
