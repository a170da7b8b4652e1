package dev.parity.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the tests of {@code PARITY_DAEMON=1}: a folder of the test's own, a {@link
 * DaemonClient} with its daemon folder there, and every daemon it started killed after the test.
 */
abstract class DaemonTestCase {
  @TempDir Path root;
  DaemonClient client;

  @BeforeEach
  void client() throws IOException {
    client = DaemonClient.in(root);
  }

  @AfterEach
  void killDaemons() {
    client.killDaemons();
  }
}
