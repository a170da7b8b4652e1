package dev.parity.containers;

import dev.parity.run.RunningService;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * A started container: where it answers, whether it still runs and its log. Every call to the
 * engine after the start is bounded: an engine that stops answering (it accepts the connection and
 * says nothing) makes the container count as gone, so the run ends with an error instead of waiting
 * for ever, and stopping it gives up after the same time.
 */
final class StartedContainer implements RunningService {
  /** How long the engine may take to answer a question about a started container, or stop it. */
  static final Duration ENGINE_ANSWER = Duration.ofSeconds(30);

  private final GenericContainer<?> container;
  private final TestcontainersLauncher.LogBuffer log;
  private final URI base;
  private final Duration engineAnswer;

  StartedContainer(GenericContainer<?> container, TestcontainersLauncher.LogBuffer log) {
    this(
        container,
        log,
        URI.create(
            "http://"
                + container.getHost()
                + ":"
                + container.getMappedPort(container.getExposedPorts().get(0))),
        ENGINE_ANSWER);
  }

  /** A container answering at {@code base}, whose engine may take {@code engineAnswer}. */
  StartedContainer(
      GenericContainer<?> container,
      TestcontainersLauncher.LogBuffer log,
      URI base,
      Duration engineAnswer) {
    this.container = container;
    this.log = log;
    this.base = base;
    this.engineAnswer = engineAnswer;
  }

  @Override
  public URI baseUri() {
    return base;
  }

  @Override
  public Optional<String> ended() {
    try {
      return new BoundedStart(engineAnswer)
          .ask(
              this::askEngine, "the container engine did not say whether the container still runs");
    } catch (BoundedStart.TooSlow e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private Optional<String> askEngine() {
    try {
      if (container.isRunning()) {
        return Optional.empty();
      }
      Long code = container.getCurrentContainerInfo().getState().getExitCodeLong();
      return Optional.of("container exited" + (code == null ? "" : " with code " + code));
    } catch (RuntimeException e) {
      return Optional.of("container is gone (" + TestcontainersLauncher.rootMessage(e) + ")");
    }
  }

  @Override
  public String logTail() {
    return log.tail();
  }

  @Override
  public void close() {
    try {
      new BoundedStart(engineAnswer)
          .ask(
              () -> {
                container.stop();
                return null;
              },
              "the container engine did not stop the container");
    } catch (BoundedStart.TooSlow | RuntimeException e) {
      // Best effort: the engine may be gone, or not answering; nothing else to do.
    }
  }
}
