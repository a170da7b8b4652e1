package dev.parity.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --force} option of the commands that write goldens only outside CI unless forced. */
final class ForceOption {
  @Option(
      names = "--force",
      description = "Write goldens even when the environment variable CI is set.")
  boolean force;

  /**
   * Refuses the command (exit 2, nothing written) in CI unless {@code --force} was given.
   *
   * @param what what the command would do, e.g. {@code accept writes goldens}
   */
  void refuseInCiUnlessGiven(CommandSpec spec, String what) {
    CiEnvironment.refuseUnlessForced(spec, what, force);
  }
}
