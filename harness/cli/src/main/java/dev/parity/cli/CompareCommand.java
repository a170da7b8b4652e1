package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run legacy and candidate live on every case and compare them; no golden is read or "
          + "written.",
      "Legacy runs twice (--runs); differences between its runs are noise: only the tokens that "
          + "differed are discounted, each for a value of its shape, and every discounted difference "
          + "is listed (--noise detect discounts nothing)."
    })
final class CompareCommand extends SuiteCommand {
  @Mixin RunsOption runs;

  @Mixin NoiseOption noise;

  // compare reads no golden, so help and completion no longer offer --golden; it is still
  // accepted (and ignored) so that scripts written when compare listed it keep working.
  @Option(names = "--golden", paramLabel = "DIR", hidden = true)
  @Nullable Path ignoredGolden;

  @Override
  public Integer call() throws Exception {
    runs.runs(spec.commandLine());
    noise.mode(spec.commandLine());
    return super.call();
  }

  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    return engine.compare(
        suite,
        options.withRuns(runs.runs(spec.commandLine())).withNoise(noise.mode(spec.commandLine())));
  }

  @Override
  Mode mode() {
    return Mode.COMPARE;
  }
}
