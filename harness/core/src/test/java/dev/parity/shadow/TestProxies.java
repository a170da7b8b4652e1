package dev.parity.shadow;

import dev.parity.fixture.SuiteLoader;
import dev.parity.run.Runner;
import dev.parity.run.Runners;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Proxies for tests: on a free loopback port, no recording, no warm-up. */
final class TestProxies {
  private TestProxies() {}

  /**
   * Starts a proxy for the suite in {@code folder} writing its verdict under {@code reports}; the
   * proxy and its runner are added to {@code closing}, the proxy first.
   */
  static ShadowProxy start(Path folder, Path reports, List<AutoCloseable> closing)
      throws IOException {
    Runner runner = Runners.standard();
    closing.add(runner);
    ShadowSettings settings =
        new ShadowSettings(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            1000,
            2,
            Optional.empty(),
            0.0,
            reports,
            Duration.ofSeconds(60),
            Duration.ZERO);
    ShadowProxy started = ShadowProxy.start(new SuiteLoader().load(folder), runner, settings);
    closing.add(0, started);
    return started;
  }
}
