package dev.parity.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class ParityMojoTests {
  @Test
  void theGoalsParametersBecomeTheCommandsOptionsInItsOwnWords() throws MojoFailureException {
    GateMojo gate = new GateMojo();
    gate.suite = new File("fixtures/x");
    gate.out = new File("target/parity");
    gate.filter = "search/*";
    gate.jobs = 2;
    gate.live = true;
    gate.strict = false;
    gate.timeBudget = "10s";
    gate.args = List.of("--precision", "0.05");

    assertThat(gate.commandLine())
        .containsExactly(
            "gate",
            "fixtures/x",
            "--out",
            "target/parity",
            "--filter",
            "search/*",
            "--jobs",
            "2",
            "--live",
            "--no-strict",
            "--time-budget",
            "10s",
            "--precision",
            "0.05");
  }

  @Test
  void unsetParametersLeaveTheCommandsDefaults() throws MojoFailureException {
    VerifyMojo verify = new VerifyMojo();
    verify.suite = new File("fixtures/x");

    assertThat(verify.commandLine()).containsExactly("verify", "fixtures/x");
  }
}
