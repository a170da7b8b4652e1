package dev.parity.cli;

import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.golden.AcceptedDifference;
import dev.parity.golden.GoldenStore;
import dev.parity.golden.PendingResult;
import dev.parity.golden.PendingStore;
import dev.parity.golden.SemanticVersion;
import dev.parity.golden.Until;
import dev.parity.run.Observation;
import dev.parity.verdict.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "accept",
    mixinStandardHelpOptions = true,
    description = {
      "Accept pending results (stored by record and verify in <out>/pending/): a pending legacy "
          + "result replaces the case's golden; a pending candidate result is recorded as an accepted "
          + "difference beside the golden (accepted/ with the reason, ticket and until), so verify "
          + "shows the case as 'accepted' while the candidate's output stays exactly that.",
      "Refused in CI (environment variable CI set) unless --force. Bad input writes nothing. "
          + "See docs/reviewing.md."
    })
final class AcceptCommand implements Callable<Integer> {
  @Mixin SuiteParameter suite;

  @Mixin CommonOptions common;

  @Mixin GoldenOption golden;

  @Mixin PendingSelection selection;

  @Option(names = "--legacy", description = "Accept only pending legacy results (from record).")
  boolean legacy;

  @Option(
      names = "--candidate",
      description = "Accept only pending candidate results (from verify) as accepted differences.")
  boolean candidate;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why the candidate's difference is intended (required for candidate results).")
  @Nullable String reason;

  @Option(names = "--ticket", paramLabel = "T", description = "The issue that tracks it.")
  @Nullable String ticket;

  @Option(
      names = "--until",
      paramLabel = "DATE|VERSION",
      description =
          "The last day (YYYY-MM-DD, UTC) or the last candidate version (e.g. 2.3) the accepted"
              + " difference applies to; verify fails the case after it (a version is compared"
              + " with verify's --candidate-version).")
  @Nullable String until;

  @Mixin CandidateVersionOption version;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who accepts (default: the USER environment variable, else the system user).")
  @Nullable String by;

  @Mixin ForceOption force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    force.refuseInCiUnlessGiven(spec, "accept writes goldens");
    if (legacy && candidate) {
      throw usage(
          "--legacy and --candidate exclude each other; give one, or neither to accept"
              + " each pending result for the side it holds");
    }
    ParityCommand parity = ParityCommand.of(spec);
    LocalDate today = LocalDate.now(parity.clock().withZone(ZoneOffset.UTC));
    Optional<Until> end = until(today);
    Suite loaded = new SuiteLoader().load(suite.folder);
    PendingStore pending = new PendingStore(SuiteCommand.outFolder(loaded.folder(), common));
    GoldenStore goldens = new GoldenStore(golden.folder(loaded));
    PrintWriter out = spec.commandLine().getOut();
    // Bad input (nothing selected, no --reason) fails before any lock is taken or folder made.
    difference(choices(loaded, pending), parity, end);
    List<Choice> choices;
    // One lock for every write: another run cannot interleave, and a locked folder fails before
    // anything is written. The pending results' lock is held from reading them to dropping them:
    // a verify storing a new pending result meanwhile waits, rather than have it dropped unseen.
    try (GoldenStore.Lock lock = goldens.lock();
        GoldenStore.Lock reading = lockIfAny(pending)) {
      choices = choices(loaded, pending);
      Optional<AcceptedDifference> difference = difference(choices, parity, end);
      for (Choice choice : choices) {
        refuseStale(choice, goldens, pending);
      }
      for (Choice choice : choices) {
        String id = choice.result().caseId();
        if (choice.side() == Side.LEGACY) {
          goldens.replace(id, choice.observation());
          out.println(
              "accepted " + ConsoleText.line(id) + ": golden replaced by the new legacy run");
        } else {
          AcceptedDifference accepted = difference.orElseThrow();
          goldens.accept(id, choice.observation(), accepted);
          out.println(
              "accepted "
                  + ConsoleText.line(id)
                  + ": candidate difference accepted"
                  + ConsoleText.line(accepted.ticketNote()));
        }
        pending.drop(id, choice.side());
      }
    }
    out.println(
        choices.size()
            + (choices.size() == 1 ? " pending result" : " pending results")
            + " accepted; review and commit "
            + goldens.folder());
    out.flush();
    return ExitCodes.PASS;
  }

  /** What is selected, and which side of each is accepted. */
  private List<Choice> choices(Suite loaded, PendingStore pending) throws IOException {
    List<Choice> choices = new ArrayList<>();
    for (PendingResult result : inOneRun(selection.select(spec, loaded, common, pending))) {
      choices.add(choose(result));
    }
    return choices;
  }

  /** The lock of {@code pending}, when it has a folder (without one there is nothing to lock). */
  static GoldenStore.Lock lockIfAny(PendingStore pending) throws IOException {
    return Files.isDirectory(pending.folder()) ? pending.lock() : () -> {};
  }

  /**
   * The parsed {@code --until}, or a usage error when it is neither a date nor a version, or is
   * already past: a date before today, a version the candidate ({@code --candidate-version}) is
   * already beyond.
   */
  private Optional<Until> until(LocalDate today) {
    if (until == null) {
      return Optional.empty();
    }
    Optional<Until> parsed = Until.parse(until);
    if (parsed.isEmpty()) {
      throw usage("--until [" + until + "] is neither a date nor a version; give " + Until.FORMAT);
    }
    Optional<SemanticVersion> candidateVersion = version.version(spec.commandLine());
    if (parsed.get() instanceof Until.Day day && day.day().isBefore(today)) {
      throw usage(
          "--until ["
              + until
              + "] is in the past (today is "
              + today
              + ", UTC); give a"
              + " date from today on, or leave --until out for no end date");
    }
    if (parsed.get() instanceof Until.Version bound
        && candidateVersion.isPresent()
        && candidateVersion.get().compareTo(bound.version()) > 0) {
      throw usage(
          "--until ["
              + until
              + "] is already past: the candidate is version "
              + candidateVersion.get()
              + " (--candidate-version); give a version from "
              + candidateVersion.get()
              + " on, or leave --until out for no end");
    }
    return parsed;
  }

  /**
   * With {@code --cluster}, the results of one kind of run: cluster ids are numbered per run, so a
   * record's {@code c1} and a verify's {@code c1} are different clusters. A side flag picks the
   * run; without one, a mix is refused rather than accepting both.
   */
  private List<PendingResult> inOneRun(List<PendingResult> selected) {
    if (selection.cluster == null) {
      return selected;
    }
    if (legacy || candidate) {
      Side side = legacy ? Side.LEGACY : Side.CANDIDATE;
      List<PendingResult> ofSide =
          selected.stream().filter(r -> r.source().side() == side).toList();
      if (ofSide.isEmpty()) {
        throw usage(
            "--cluster ["
                + selection.cluster
                + "] names no cluster of a "
                + (legacy ? "record" : "verify")
                + " run among the pending results; leave out --"
                + side.label()
                + " or give the cluster of that run");
      }
      return ofSide;
    }
    if (selected.stream().map(PendingResult::source).distinct().count() > 1) {
      throw usage(
          "--cluster ["
              + selection.cluster
              + "] names a cluster of a record run and one of a verify run (cluster ids are"
              + " numbered per run); add --legacy for the record's or --candidate for the"
              + " verify's");
    }
    return selected;
  }

  private record Choice(PendingResult result, Side side, Observation observation) {}

  /** Which side of a pending result is accepted, checked before anything is written. */
  private Choice choose(PendingResult result) {
    Side side;
    if (legacy || candidate) {
      side = legacy ? Side.LEGACY : Side.CANDIDATE;
    } else if (selection.cluster != null) {
      // The cluster is the one of the run that stored this side.
      side = result.source().side();
    } else if (result.legacy().isPresent() && result.candidate().isPresent()) {
      throw usage(
          "the case ["
              + result.caseId()
              + "] holds both a pending legacy result (from record) and a pending candidate"
              + " result (from verify) in "
              + result.folder()
              + "; say which to accept with --legacy or --candidate");
    } else {
      side = result.legacy().isPresent() ? Side.LEGACY : Side.CANDIDATE;
    }
    Optional<Observation> observation = result.observation(side);
    if (observation.isEmpty()) {
      throw usage(
          "the case ["
              + result.caseId()
              + "] has no pending "
              + side.label()
              + " result in "
              + result.folder()
              + " (it holds a "
              + (side == Side.LEGACY ? "candidate result from verify" : "legacy result from record")
              + "); use --"
              + (side == Side.LEGACY ? "candidate" : "legacy")
              + ", or --filter to leave it out");
    }
    return new Choice(result, side, observation.get());
  }

  /**
   * Refuses a pending result judged by another golden than the case has now (replaced since by a
   * record, an accept or a checkout): how it differs from this golden was never shown to anyone.
   */
  private void refuseStale(Choice choice, GoldenStore goldens, PendingStore pending) {
    String id = choice.result().caseId();
    Optional<String> seen = pending.goldenSeen(choice.result(), choice.side());
    if (seen.isPresent() && seen.get().equals(goldens.state(id))) {
      return;
    }
    String run = choice.side() == Side.LEGACY ? "record" : "verify";
    throw usage(
        "the pending "
            + choice.side().label()
            + " result of ["
            + id
            + "] in "
            + choice.result().folder()
            + " was judged by another golden than "
            + goldens.caseFolder(id)
            + " holds now (replaced since that `parity "
            + run
            + "`, or the result is from an older parity); run `parity "
            + run
            + "` again and review the new result");
  }

  /** The accepted difference for the candidate results, when any is selected. */
  private Optional<AcceptedDifference> difference(
      List<Choice> choices, ParityCommand parity, Optional<Until> end) {
    if (choices.stream().noneMatch(c -> c.side() == Side.CANDIDATE)) {
      return Optional.empty();
    }
    if (reason == null || reason.isBlank()) {
      throw usage(
          "accepting a candidate result needs --reason TEXT: why the candidate's"
              + " difference is intended (add --ticket for the issue that tracks it)");
    }
    String who =
        by != null
            ? by
            : parity.env().getOrDefault("USER", System.getProperty("user.name", "unknown"));
    return Optional.of(
        new AcceptedDifference(
            reason, Optional.ofNullable(ticket), end, who, parity.clock().instant()));
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
