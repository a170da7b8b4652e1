package dev.parity.cli;

import dev.parity.engine.Engine;
import dev.parity.engine.RunOptions;
import dev.parity.fixture.Suite;
import dev.parity.golden.GoldenStore;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Mode;
import dev.parity.verdict.Verdict;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Run the legacy implementation on every case and store its outputs as goldens.",
      "Goldens that would change are left alone and reported unless --update is given; their "
          + "new legacy outputs are stored as pending results (<out>/pending/) for parity review or "
          + "parity accept. With the environment variable CI set, new cases are stored as pending "
          + "results only and --update is refused, unless --force is given.",
      "Legacy runs twice per case (--runs). A case whose runs differ where no rule covers it is "
          + "flagged noisy, with a rule that would cover it (--suggest-rules)."
    })
final class RecordCommand extends SuiteCommand {
  @Mixin GoldenOption golden;

  @Override
  GoldenOption golden() {
    return golden;
  }

  @Option(
      names = "--update",
      description = "Replace goldens whose content changed, and list the goldens replaced.")
  boolean update;

  @Option(
      names = "--force",
      description =
          "Write goldens even when the environment variable CI is set (CI refuses --update without"
              + " it).")
  boolean force;

  @Mixin RunsOption runs;

  @Option(
      names = "--suggest-rules",
      description =
          "Print the rules that would cover the noise found, as YAML to paste under normalize: in suite.yaml.")
  boolean suggestRules;

  @Override
  public Integer call() throws Exception {
    runs.runs(spec.commandLine());
    if (update) {
      CiEnvironment.refuseUnlessForced(spec, "record --update replaces goldens", force);
    }
    return super.call();
  }

  @Override
  Verdict run(Engine engine, Suite suite, GoldenStore goldens, RunOptions options) {
    // In CI new cases become pending results, never goldens (--force writes them).
    boolean pendingOnly = CiEnvironment.isSet(ParityCommand.of(spec).env()) && !force;
    return engine.record(
        suite,
        goldens,
        options
            .withUpdate(update)
            .withRuns(runs.runs(spec.commandLine()))
            .withPendingOnly(pendingOnly));
  }

  @Override
  void after(Verdict verdict, PrintWriter out) {
    if (update) {
      printReplaced(verdict, out);
    }
    if (!suggestRules) {
      return;
    }
    out.println();
    if (verdict.suggestedRules().isEmpty()) {
      out.println("# No noise found: no rule to suggest.");
      return;
    }
    out.println(
        "# Suggested rules: paste under normalize: in suite.yaml, check each one, then record again.");
    out.println("normalize:");
    for (String item : verdict.suggestedRules()) {
      item.lines().forEach(line -> out.println("  " + line));
    }
  }

  /** Lists the goldens this update replaced, so a reviewer knows which diffs to read. */
  private static void printReplaced(Verdict verdict, PrintWriter out) {
    List<String> replaced =
        verdict.fixtures().stream()
            .filter(c -> c.summary().equals(CaseResult.GOLDEN_UPDATED))
            .map(CaseResult::id)
            .toList();
    out.println();
    if (replaced.isEmpty()) {
      out.println("Goldens replaced: none");
      return;
    }
    out.println("Goldens replaced (" + replaced.size() + "):");
    replaced.forEach(id -> out.println("  " + ConsoleText.line(id)));
  }

  @Override
  Mode mode() {
    return Mode.RECORD;
  }
}
