package dev.parity.cli;

import dev.parity.fixture.Case;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.Orphans;
import dev.parity.verdict.ExitCodes;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "List the goldens whose case is gone from the suite (deleted or renamed) and delete them, "
          + "with their accepted differences.",
      "Asks first on a terminal; scripts give --yes (without a terminal and without --yes "
          + "nothing is deleted, exit 2)."
    })
final class PruneCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin GoldenOption golden;

  @Option(names = "--yes", description = "Delete the orphan goldens without asking.")
  boolean yes;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Suite loaded = new SuiteLoader().load(suite.folder);
    GoldenStore goldens = new GoldenStore(golden.folder(loaded));
    Orphans orphans = goldens.orphans(loaded.cases().stream().map(Case::id).toList());
    if (orphans.ids().isEmpty()) {
      out.println("No orphan goldens in " + goldens.folder() + ": nothing to prune.");
      return ExitCodes.PASS;
    }
    int count = orphans.ids().size();
    out.println(
        count
            + (count == 1 ? " golden has" : " goldens have")
            + " no case in the suite any more (deleted or renamed?), in "
            + goldens.folder()
            + ":");
    orphans.ids().forEach(id -> out.println("  " + ConsoleText.line(id)));
    out.flush();
    if (!yes && !confirmed(out)) {
      out.println("Nothing deleted.");
      return ExitCodes.PASS;
    }
    goldens.prune(orphans.ids());
    out.println("Deleted " + count + (count == 1 ? " golden." : " goldens."));
    return ExitCodes.PASS;
  }

  /** Asks on the terminal; without one, refuses: a script must say --yes. */
  private boolean confirmed(PrintWriter out) {
    Optional<Console> terminal = Terminals.interactive();
    if (terminal.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "not deleting without --yes: there is no terminal to ask on. Check the list above,"
              + " then run `parity prune "
              + suite.folder
              + " --yes` to delete them (or restore their cases in suite.yaml)");
    }
    String answer = terminal.get().readLine("Delete them? [y/N] ");
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
