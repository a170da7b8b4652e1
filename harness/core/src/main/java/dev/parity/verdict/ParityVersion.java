package dev.parity.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release of Parity that is running, as every verdict and report names it ({@code
 * parityVersion}); the same version as the jar manifest's {@code Implementation-Version}, both
 * taken from the build's project version.
 */
public final class ParityVersion {
  private static final String RESOURCE = "parity-version.properties";
  private static final String CURRENT = read();

  private ParityVersion() {}

  /** This Parity's release, e.g. {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = ParityVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from parity-core's jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      // An unfiltered file (classes compiled by an IDE without Maven's resource filtering).
      return version.isBlank() || version.startsWith("${") ? "development build" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
