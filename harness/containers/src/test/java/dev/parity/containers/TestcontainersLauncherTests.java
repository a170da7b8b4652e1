package dev.parity.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestcontainersLauncherTests {
  @Test
  void aStartFailureIsOneShortLineNotAnObjectDump() {
    String dump =
        "Container did not start correctly. InspectContainerResponse(args=[], config=ContainerConfig("
            + "x".repeat(5_000)
            + ")\n  state=ContainerState(status=exited, exitCode=4)\n".repeat(20);
    RuntimeException error =
        new RuntimeException(
            "Container startup failed for image parity-build/boxes",
            new IllegalStateException(dump, new IllegalStateException("exit code 4")));

    String message = TestcontainersLauncher.rootMessage(error);

    assertThat(message).doesNotContain("\n").hasSizeLessThan(500);
    assertThat(message)
        .isEqualTo(
            "Container startup failed for image parity-build/boxes: Container did not start"
                + " correctly.: exit code 4");
  }

  /** The message Testcontainers gives when a container exits before its wait strategy is met. */
  @Test
  void aFailedStartCheckSaysTheContainerStoppedWithoutTheInspectDump() {
    RuntimeException error =
        new RuntimeException(
            "Retry limit hit with exception",
            new IllegalStateException(
                "Could not create/start container: org.testcontainers.containers.GenericContainer"
                    + " expected the predicate to return <true> but it returned <false> for input of"
                    + " <InspectContainerResponse(args=[sh, -c, echo no config at /etc/app.conf >&2;"
                    + " exit 4], config=ContainerConfig(attachStderr=false, "
                    + "x".repeat(3_000)
                    + ")>"));

    String message = TestcontainersLauncher.rootMessage(error);

    assertThat(message)
        .isEqualTo(
            "Retry limit hit with exception: Could not create/start container: the container"
                + " stopped before it was ready (Testcontainers' start check failed)");
  }
}
