package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import picocli.CommandLine.Command;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Run the candidate implementation on every case and compare it with the recorded goldens.",
      "Exit 0 when every case passes (the candidate ships), 1 otherwise."
    })
final class VerifyCommand extends SuiteCommand {
  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    return engine.verify(suite, goldens, options);
  }

  @Override
  Mode mode() {
    return Mode.VERIFY;
  }
}
