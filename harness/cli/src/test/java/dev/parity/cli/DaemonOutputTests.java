package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.TempSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code PARITY_DAEMON=1} (docs/daemon.md): a client prints what the JVM it stands for would have
 * printed, byte for byte, including what that JVM prints itself rather than Parity.
 */
class DaemonOutputTests extends DaemonTestCase {

  /**
   * A JVM prints some lines of its own at every start ("Picked up JAVA_TOOL_OPTIONS", warnings
   * about its options): a daemon printed them once, to its log. Such a context's runs each go to a
   * JVM of their own, which prints them as the script's would.
   */
  @Test
  void whatTheJvmPrintsItselfIsPrintedForEveryRun() throws Exception {
    TempSuite suite =
        TempSuite.in(root, "echo")
            .suiteYaml(
                "name: echo\nlegacy:\n  command: [echo]\ncandidate:\n  command: [echo]\n"
                    + "cases:\n  - {id: a, args: [x]}\n");
    String folder = suite.folder().toString();
    for (String command : List.of("record", "verify", "verify")) {
      String direct = output(client.directCommand(command, folder));
      assertThat(direct).startsWith("Picked up JAVA_TOOL_OPTIONS");
      assertThat(output(client.command(command, folder))).as(command).isEqualTo(direct);
    }
  }

  /** Standard error, standard output and the exit code, with the durations masked. */
  private String output(List<String> command) throws Exception {
    Path stdout = Files.createTempFile(root, "out", ".txt");
    Path stderr = Files.createTempFile(root, "err", ".txt");
    ProcessBuilder builder = client.process(command);
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Dparity.test.tool=1");
    Process process =
        builder
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .directory(root.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String both = Files.readString(stderr) + Files.readString(stdout) + process.exitValue();
    return both.replaceAll("in [0-9.]+m?s\\b", "in (time)");
  }
}
