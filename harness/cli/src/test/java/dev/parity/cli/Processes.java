package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script or tool for a test: its exit code and both streams; a run past its timeout fails
 * the test.
 */
final class Processes {
  record Result(int exit, String out, String err) {}

  private Processes() {}

  /**
   * Runs {@code command} with {@code env} added to this JVM's environment; its streams go through
   * files in {@code scratch}.
   */
  static Result run(Path scratch, Duration timeout, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    // These runs write goldens; a CI variable of the machine running the tests must not refuse
    // them.
    builder.environment().remove(CiEnvironment.VARIABLE);
    builder.environment().putAll(env);
    return run(builder, scratch, timeout, command);
  }

  /**
   * Runs {@code command} with exactly {@code environment} (less CI, as {@link #run}), for tests of
   * what a program does where a variable such as JAVA_HOME is not set.
   */
  static Result runExactly(
      Path scratch, Duration timeout, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().remove(CiEnvironment.VARIABLE);
    return run(builder, scratch, timeout, command);
  }

  private static Result run(
      ProcessBuilder builder, Path scratch, Duration timeout, String[] command)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(scratch, "out", ".txt");
    Path stderr = Files.createTempFile(scratch, "err", ".txt");
    Process process =
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    assertThat(exited)
        .as(
            "%s exited within %s; stderr:%n%s",
            String.join(" ", command), timeout, Files.readString(stderr))
        .isTrue();
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }
}
