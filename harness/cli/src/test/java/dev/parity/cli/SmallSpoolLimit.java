package dev.parity.cli;

import dev.parity.run.Spool;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lowers the in-memory output limit to {@link #BYTES} for each test, so that outputs over it are
 * tested without writing gigabytes, and restores the default after.
 */
final class SmallSpoolLimit implements BeforeEachCallback, AfterEachCallback {
  /** The limit during the test: 64 KiB. */
  static final int BYTES = 64 * 1024;

  @Override
  public void beforeEach(ExtensionContext context) {
    System.setProperty(Spool.LIMIT_PROPERTY, Integer.toString(BYTES));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.clearProperty(Spool.LIMIT_PROPERTY);
  }
}
