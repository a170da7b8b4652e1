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
        .startsWith(
            "Container startup failed for image parity-build/boxes: Container did not start")
        .endsWith("...: exit code 4");
  }
}
