package dev.parity.run;

import dev.parity.fixture.HttpImplementation;
import dev.parity.fixture.Suite;

/**
 * Starts the containers of {@code container:} implementations. Found through {@link
 * java.util.ServiceLoader}, so parity-core needs no container library; the harness/containers
 * module provides one based on Testcontainers.
 */
public interface ContainerLauncher {

  /**
   * Builds (for {@code build:}) and starts the container, publishing its port; returns once the
   * container runs. Readiness ({@code ready:}) is checked by the caller.
   */
  RunningService start(Suite suite, HttpImplementation.Container container)
      throws ServiceStartException;
}
