package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Run the legacy implementation on every case and store its outputs as goldens.",
      "Goldens that would change are left alone and reported unless --update is given.",
      "Exit 0 when every golden is stored and current, 1 when some would change or a case errored."
    })
final class RecordCommand extends SuiteCommand {
  @Option(names = "--update", description = "Replace goldens whose content changed.")
  boolean update;

  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    return engine.record(suite, goldens, options.withUpdate(update));
  }
}
