package dev.parity.cli;

import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.Accepted;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.SemanticVersion;
import dev.parity.golden.Until;
import dev.parity.verdict.ExitCodes;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "accepted",
    mixinStandardHelpOptions = true,
    description = {
      "List the suite's accepted differences (golden/<suite>/<case>/accepted/): case, reason, "
          + "ticket, until, who and when; an expired one is marked 'expired' (verify fails its case). "
          + "See docs/reviewing.md."
    })
final class AcceptedCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin GoldenOption golden;

  @Mixin CandidateVersionOption version;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Suite loaded = new SuiteLoader().load(suite.folder);
    GoldenStore goldens = new GoldenStore(golden.folder(loaded));
    LocalDate today = LocalDate.now(ParityCommand.of(spec).clock().withZone(ZoneOffset.UTC));
    Optional<SemanticVersion> candidateVersion = version.version(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    int count = 0;
    for (String id : goldens.caseIds()) {
      Optional<Accepted> accepted = goldens.accepted(id);
      if (accepted.isEmpty()) {
        continue;
      }
      AcceptedDifference d = accepted.get().difference();
      out.println(
          ConsoleText.line(id)
              + (expired(d, today, candidateVersion) ? "  expired" : "")
              + "\n  reason : "
              + ConsoleText.line(d.reason())
              + "\n  ticket : "
              + ConsoleText.line(d.ticket().orElse("-"))
              + "\n  until  : "
              + d.until().map(Until::label).orElse("-")
              + "\n  by     : "
              + ConsoleText.line(d.by())
              + "\n  at     : "
              + d.at());
      count++;
    }
    out.println(
        count == 0
            ? "No accepted differences in " + goldens.folder()
            : count
                + (count == 1 ? " accepted difference" : " accepted differences")
                + " in "
                + goldens.folder());
    out.flush();
    return ExitCodes.PASS;
  }

  /** Expired by date, or by version when the candidate's version is given. */
  private static boolean expired(
      AcceptedDifference difference, LocalDate today, Optional<SemanticVersion> version) {
    return difference.expired(today)
        || (version.isPresent() && difference.expiry(today, version).isPresent());
  }
}
