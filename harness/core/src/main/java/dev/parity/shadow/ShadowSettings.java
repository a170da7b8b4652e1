package dev.parity.shadow;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a shadow proxy runs.
 *
 * @param listen where the proxy accepts clients
 * @param queue how many requests may wait for comparison; more are dropped from comparison
 * @param workers threads comparing requests
 * @param record the suite folder mismatching (and sampled) requests are written to, if any
 * @param sample the share of passing requests also recorded, 0 to 1
 * @param reports the folder verdict.json is rewritten in while the proxy runs
 * @param every how often verdict.json is rewritten
 * @param warmUp how long the suite's safe cases are replayed through the proxy before it takes
 *     clients (zero for no warm-up); settling may take as long again
 */
public record ShadowSettings(
    InetSocketAddress listen,
    int queue,
    int workers,
    Optional<Path> record,
    double sample,
    Path reports,
    Duration every,
    Duration warmUp) {
  /** Bodies above this size are still served to the client but not compared. */
  public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  public ShadowSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(warmUp, "warmUp");
    if (warmUp.isNegative()) {
      throw new IllegalArgumentException("warmUp must not be negative");
    }
    if (queue < 1 || workers < 1) {
      throw new IllegalArgumentException("queue and workers must be at least 1");
    }
    if (!(sample >= 0 && sample <= 1)) {
      throw new IllegalArgumentException("sample must be between 0 and 1");
    }
  }
}
