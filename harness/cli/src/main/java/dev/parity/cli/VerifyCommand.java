package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Run the candidate implementation on every case and compare it with the recorded goldens.",
      "A case whose candidate output differs but equals an accepted difference passes as "
          + "'accepted'. Failing candidate outputs are stored as pending results (<out>/pending/) for "
          + "parity review or parity accept."
    })
final class VerifyCommand extends SuiteCommand {
  @Mixin GoldenOption golden;

  @Override
  GoldenOption golden() {
    return golden;
  }

  @Option(
      names = "--strict",
      description =
          "Also fail (exit 1, decision legacy) while the suite has orphan goldens, pending results"
              + " or expired accepted differences; each is named in the reports.")
  boolean strict;

  @Mixin CandidateVersionOption version;

  @Override
  RunOptions own(RunOptions options) {
    return options.withCandidateVersion(version.version(spec.commandLine()));
  }

  @Override
  boolean strict() {
    return strict;
  }

  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    return engine.verify(suite, goldens, options);
  }

  @Override
  Mode mode() {
    return Mode.VERIFY;
  }
}
