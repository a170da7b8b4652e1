package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseOptionTests {
  private static final String RANDOM_LETTERS =
      "tr -dc a-z </dev/urandom 2>/dev/null | head -c 8; echo; echo done";

  @TempDir Path root;

  private String suite() {
    String side = "  command: [sh, -c, '" + RANDOM_LETTERS + "']\n";
    return TempSuite.in(root, "noisy")
        .suiteYaml("name: noisy\nlegacy:\n" + side + "candidate:\n" + side + "cases:\n  - id: n\n")
        .folder()
        .toString();
  }

  @Test
  void discountIsTheDefaultAndDetectDiscountsNothing() {
    String suite = suite();

    Cli discount = Cli.run("compare", suite, "--out", root.resolve("a").toString());
    Cli detect =
        Cli.run("compare", suite, "--noise", "detect", "--out", root.resolve("b").toString());

    assertThat(discount.exitCode()).isZero();
    assertThat(discount.out()).contains("discounted stdout", "(both [a-z]{8})");
    assertThat(detect.exitCode()).isEqualTo(1);
    assertThat(detect.out()).contains("detected, not discounted (--noise detect)");
  }

  @Test
  void anUnknownModeIsAUsageError() {
    Cli cli = Cli.run("compare", suite(), "--noise", "ignore");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("unknown --noise mode [ignore]; valid modes: discount, detect");
  }
}
