package dev.parity.cli;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.verdict.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = {
      "Drop pending results (stored by record and verify in <out>/pending/) without touching "
          + "the goldens: the next run stores them again if the outputs still differ. See "
          + "docs/reviewing.md."
    })
final class RejectCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin CommonOptions common;

  // Reject touches no golden; --golden stays accepted so scripts that pass it to every review
  // command keep working.
  @Mixin GoldenOption golden;

  @Mixin PendingSelection selection;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Suite loaded = new SuiteLoader().load(suite.folder);
    PendingStore pending = new PendingStore(SuiteCommand.outFolder(loaded.folder(), common));
    PrintWriter out = spec.commandLine().getOut();
    List<PendingResult> selected;
    // Held from reading the pending results to dropping them: a verify storing a new one meanwhile
    // waits, rather than have it dropped unseen.
    try (GoldenStore.Lock lock = AcceptCommand.lockIfAny(pending)) {
      selected = selection.select(spec, loaded, common, pending);
      for (PendingResult result : selected) {
        if (selection.cluster != null) {
          // Only the side stored by the run whose cluster was named.
          pending.drop(result.caseId(), result.source().side());
        } else {
          pending.drop(result.caseId());
        }
        out.println("rejected " + ConsoleText.line(result.caseId()));
      }
    }
    out.println(
        selected.size()
            + (selected.size() == 1 ? " pending result" : " pending results")
            + " rejected; the goldens are unchanged");
    out.flush();
    return ExitCodes.PASS;
  }
}
