package dev.parity.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A started container whose engine stops answering: the run learns it as the container being gone,
 * and stopping it gives up, instead of waiting for ever (no Docker engine needed: the container's
 * engine calls are replaced by calls that never return).
 */
@Timeout(60)
class StartedContainerTests {
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void release() {
    never.countDown();
  }

  /** A container whose every call to the engine blocks until the test ends. */
  private final class SilentEngine extends GenericContainer<SilentEngine> {
    SilentEngine() {
      super(DockerImageName.parse("parity-test/silent:1"));
    }

    @Override
    public boolean isRunning() {
      await();
      return true;
    }

    @Override
    public void stop() {
      await();
    }

    private void await() {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private StartedContainer silent() {
    return new StartedContainer(
        new SilentEngine(),
        new TestcontainersLauncher.LogBuffer(),
        URI.create("http://127.0.0.1:9"),
        Duration.ofMillis(200));
  }

  @Test
  void anEngineThatStopsAnsweringMakesTheContainerCountAsGone() {
    assertThat(silent().ended())
        .hasValue("the container engine did not say whether the container still runs within 200ms");
  }

  @Test
  void stoppingAContainerWhoseEngineStopsAnsweringGivesUp() {
    StartedContainer container = silent();
    Thread closing = new Thread(container::close);
    closing.start();
    try {
      closing.join(Duration.ofSeconds(20).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(closing.isAlive()).as("close() still waits for the engine").isFalse();
  }
}
