package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.Verdict;
import picocli.CommandLine.Command;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run legacy and candidate live on every case and compare them; no golden is read or written.",
      "Exit 0 when every case passes, 1 otherwise."
    })
final class CompareCommand extends SuiteCommand {
  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    return engine.compare(suite, options);
  }
}
