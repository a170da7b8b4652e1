package dev.parity.cli;

import dev.parity.golden.SemanticVersion;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --candidate-version}: the version of the candidate under test, against which an accepted
 * difference that applies up to a version ({@code --until 2.3}) expires.
 */
final class CandidateVersionOption {
  @Option(
      names = "--candidate-version",
      paramLabel = "VERSION",
      description =
          "The candidate's version (e.g. 2.3.1): an accepted difference accepted --until a version"
              + " stops applying once the candidate is past it, and fails when no version is given.")
  @Nullable String version;

  /** The version given, or a usage error (exit 2) when it is not one. */
  Optional<SemanticVersion> version(CommandLine commandLine) {
    if (version == null) {
      return Optional.empty();
    }
    Optional<SemanticVersion> parsed = SemanticVersion.parse(version);
    if (parsed.isEmpty()) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--candidate-version ["
              + version
              + "] is not a version; give "
              + SemanticVersion.FORMAT
              + " (numbers compared as numbers, a pre-release before its release)");
    }
    return parsed;
  }
}
