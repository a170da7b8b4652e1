package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} in a command (out of memory, a stack overflow) exits 2, as its reports say the
 * run failed; the JVM's own exit code for it, 1, would say that a case differs.
 */
class InternalErrorTests {
  @TempDir Path root;

  /** A clock that cannot be read: reading it is an Error, as memory running out would be. */
  private static Clock failingClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        throw new OutOfMemoryError("simulated: Java heap space");
      }
    };
  }

  @Test
  void anErrorInACommandExitsTwoAndItsReportsSayTheRunFailed() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "tool")
            .suiteYaml(TempSuite.scriptSides("tool") + "cases:\n  - id: a\n")
            .script("legacy.sh", "echo a\n")
            .script("candidate.sh", "echo a\n");

    Cli verify = Cli.run(Map.of(), failingClock(), "verify", suite.folder() + "");

    assertThat(verify.exitCode()).as(verify.out()).isEqualTo(2);
    assertThat(verify.err())
        .contains("parity: internal error (please report it with the trace below):")
        .contains("simulated: Java heap space");
    assertThat(ShardSuite.verdict(suite.reports()).get("status").asText()).isEqualTo("error");
  }
}
