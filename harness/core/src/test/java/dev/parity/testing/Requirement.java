package dev.parity.testing;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine (a Docker engine, nginx, hyperfine). Where it is missing
 * the test is skipped with the reason; where {@code ci/setup/*.sh} has installed it and exported
 * the requirement's variable ({@code PARITY_REQUIRE_DOCKER=1}, ...), a missing tool fails the test
 * instead, so CI never passes by skipping.
 */
public final class Requirement {
  private Requirement() {}

  /**
   * Skips (or, when {@code variable=1}, fails) the running test if {@code missing} holds a reason.
   *
   * @param variable the environment variable CI sets to make the requirement hard
   * @param missing why the tool is unusable, with how to get it; empty when it is there
   */
  public static void require(String variable, Optional<String> missing) {
    if (missing.isEmpty()) {
      return;
    }
    if ("1".equals(System.getenv(variable))) {
      Assertions.fail(variable + "=1 but " + missing.get());
    }
    Assumptions.abort("skipped: " + missing.get() + "; set " + variable + "=1 to fail instead");
  }
}
