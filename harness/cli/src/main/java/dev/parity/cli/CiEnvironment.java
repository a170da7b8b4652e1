package dev.parity.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Whether Parity runs in CI: the environment variable {@code CI} is present and neither {@code
 * false} nor {@code 0} (in any case), the convention of GitHub Actions, GitLab CI and most others.
 * In CI goldens are never written unless {@code --force} is given: they are reviewed and committed
 * by people, and a pipeline that rewrites them would make every check pass.
 */
final class CiEnvironment {
  /** The environment variable that says CI is running. */
  static final String VARIABLE = "CI";

  private CiEnvironment() {}

  /** Whether {@code env} says CI is running. */
  static boolean isSet(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null) {
      return false;
    }
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    return !trimmed.equals("false") && !trimmed.equals("0");
  }

  /**
   * Refuses (a usage error, exit 2, nothing written) a command that would write goldens while CI is
   * set and {@code --force} was not given.
   *
   * @param what what the command would do, e.g. {@code record --update replaces goldens}
   */
  static void refuseUnlessForced(CommandSpec spec, String what, boolean force) {
    Map<String, String> env = ParityCommand.of(spec).env();
    if (force || !isSet(env)) {
      return;
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        what
            + ", and CI is set (environment variable "
            + VARIABLE
            + "=["
            + env.get(VARIABLE)
            + "]): CI never writes goldens, people review and commit them. Run it outside CI"
            + " (unset "
            + VARIABLE
            + " or set it to false), or add --force to write them anyway");
  }
}
