package dev.parity.cli;

import dev.parity.cli.review.ReviewItem;
import dev.parity.cli.review.ReviewQueue;
import dev.parity.cli.review.ReviewScreen;
import dev.parity.cli.review.ReviewSession;
import dev.parity.cli.review.ReviewTerminal;
import dev.parity.cli.review.StoreActions;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingStore;
import dev.parity.verdict.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.terminal.Size;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parity review <suite>}: decides the suite's pending results one at a time. */
@Command(
    name = "review",
    description = {
      "Reviews the suite's pending results one at a time in the terminal: the facts and the "
          + "diff against the golden, then a(ccept), r(eject), s(kip), d(etail), q(uit); A accepts "
          + "every pending result of the case's cluster; n switches raw/normalized, u unified/side by "
          + "side.",
      "Accepting a new legacy result replaces the golden; accepting a candidate result asks for "
          + "a reason and a ticket and records an accepted difference. Each decision is written at "
          + "once.",
      "Needs a terminal (use `parity accept`/`parity reject` in scripts); refuses in CI."
    })
final class ReviewCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin CommonOptions common;

  @Mixin GoldenOption golden;

  @Mixin ForceOption force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ParityCommand parity = ParityCommand.of(spec);
    Map<String, String> env = parity.env();
    force.refuseInCiUnlessGiven(spec, "review writes goldens");
    if (Terminals.interactive().isEmpty()) {
      err.println(noTerminal());
      return ExitCodes.USAGE;
    }
    Suite loaded = new SuiteLoader().load(suite.folder);
    Path goldenFolder = golden.folder(loaded);
    Path outFolder = SuiteCommand.outFolder(loaded.folder(), common);
    GoldenStore goldens = new GoldenStore(goldenFolder);
    PendingStore pending = new PendingStore(outFolder);
    List<ReviewItem> items =
        ReviewQueue.load(loaded, goldens, pending, ReviewQueue.selection(loaded, common.filter()));
    if (items.isEmpty()) {
      out.println(
          "parity review "
              + loaded.key()
              + ": no pending results in "
              + pending.folder()
              + " (record or verify store them)");
      return ExitCodes.PASS;
    }
    String noColor = env.get("NO_COLOR");
    Optional<ReviewTerminal> opened = ReviewTerminal.open(noColor == null || noColor.isEmpty());
    if (opened.isEmpty()) {
      err.println(noTerminal());
      return ExitCodes.USAGE;
    }
    ReviewSession session =
        new ReviewSession(items, new StoreActions(goldens, pending), user(env), parity.clock());
    try (ReviewTerminal terminal = opened.get()) {
      while (!session.finished()) {
        Size size = terminal.size();
        terminal.draw(
            ReviewScreen.render(loaded.key(), session, size.getColumns(), size.getRows()));
        session.press(terminal.readKey(), terminal);
      }
      terminal.say(session.message());
    }
    ReviewSession.Tally tally = session.tally();
    int left = ReviewQueue.load(loaded, goldens, pending, id -> true).size();
    out.println(
        "parity review "
            + loaded.key()
            + ": "
            + tally.accepted()
            + " accepted, "
            + tally.rejected()
            + " rejected, "
            + tally.skipped()
            + " skipped; "
            + left
            + " pending result"
            + (left == 1 ? "" : "s")
            + " left in "
            + pending.folder());
    return ExitCodes.PASS;
  }

  private static String noTerminal() {
    return "parity: review needs an interactive terminal (none here: output redirected or a dumb"
        + " terminal); use `parity accept <suite> --reason TEXT` or `parity reject <suite>`"
        + " instead";
  }

  /** Who accepts: {@code $USER}, else the JVM's user name. */
  static String user(Map<String, String> env) {
    String user = env.get("USER");
    return user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown");
  }
}
