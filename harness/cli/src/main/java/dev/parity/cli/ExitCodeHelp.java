package dev.parity.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The "Exit codes:" section of every command's {@code --help}: what 0, 1, 2 and 3 mean for that
 * command, in one place (the README's table is the reference; {@code ExitCodes} the numbers).
 */
final class ExitCodeHelp {
  private static final String USAGE =
      "usage or configuration error (bad YAML, unknown key or option, missing file): nothing was"
          + " compared and no golden was touched";
  private static final String UNAVAILABLE =
      "an implementation could not be run at all (missing binary, not executable, service"
          + " unreachable, server or container that did not start)";
  private static final String REVIEW_REFUSED =
      "usage error, bad input, or refused (in CI without --force, without a terminal): nothing was"
          + " written";

  private ExitCodeHelp() {}

  /** Puts each command's exit codes into its help, {@code parity}'s own included. */
  static void install(CommandLine parity) {
    set(
        parity,
        of("the candidate passed every case (it ships); for record: every golden is stored"));
    parity
        .getSubcommands()
        .forEach((name, command) -> forCommand(name).ifPresent(codes -> set(command, codes)));
  }

  private static Optional<Map<String, String>> forCommand(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "verify", "compare" -> of("the candidate passed every case: it ships");
          case "gate" -> of("the candidate passed every case and performance passed: it ships");
          case "merge", "report" ->
              of("the merged or stored verdict passed every case: the candidate ships");
          case "record" ->
              codes(
                  "every golden is stored and current",
                  "a golden would change (left alone unless --update), or a case errored",
                  USAGE,
                  UNAVAILABLE);
          case "bench" ->
              codes(
                  "performance passed",
                  "performance failed, was inconclusive, or a case errored",
                  USAGE,
                  UNAVAILABLE);
          case "demo" ->
              codes(
                  "the demo ran to completion, whatever its own verdict",
                  "a demo case errored",
                  USAGE,
                  "python3 or java, which the demo's implementations need, could not be run");
          case "accept", "reject", "review" -> review("done: every decision is written");
          case "accepted" -> review("the accepted differences are listed");
          case "completion" -> review("the script is printed");
          case "prune" -> review("nothing is left to prune, or the user declined");
          default -> null;
        });
  }

  /** The codes of a command that runs or judges a suite: 0 as given, then the usual 1, 2, 3. */
  private static Map<String, String> of(String pass) {
    return codes(pass, "at least one case differs or errored: keep legacy", USAGE, UNAVAILABLE);
  }

  private static Map<String, String> codes(String... meanings) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int code = 0; code < meanings.length; code++) {
      codes.put(String.valueOf(code), meanings[code]);
    }
    return codes;
  }

  private static Map<String, String> review(String done) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", done);
    codes.put("2", REVIEW_REFUSED);
    return codes;
  }

  private static void set(CommandLine command, Map<String, String> codes) {
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(codes);
  }
}
