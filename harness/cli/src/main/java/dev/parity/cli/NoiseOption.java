package dev.parity.cli;

import dev.parity.engine.NoiseMode;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --noise discount|detect}, for the commands that run legacy twice and compare live. */
final class NoiseOption {
  @Option(
      names = "--noise",
      paramLabel = "MODE",
      description =
          "What to do with differences between legacy runs: 'discount' (default) accepts, only at"
              + " each token where they differed, a candidate value of the same shape, and lists"
              + " every such difference; 'detect' reports the noise and discounts nothing.")
  String mode = "discount";

  /** The mode, or a usage error naming the valid ones. */
  NoiseMode mode(CommandLine commandLine) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "discount" -> NoiseMode.DISCOUNT;
      case "detect" -> NoiseMode.DETECT;
      default ->
          throw new CommandLine.ParameterException(
              commandLine, "unknown --noise mode [" + mode + "]; valid modes: discount, detect");
    };
  }
}
