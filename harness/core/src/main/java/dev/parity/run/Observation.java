package dev.parity.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one run of one side on one case produced.
 *
 * <p>{@code values} hold small scalar results ({@code exitCode} for commands, with {@code signal}
 * when a signal killed the program; {@code status} for HTTP); {@code streams} hold byte contents by
 * name: {@code stdout}, {@code stderr}, and {@code file:<path>} for each declared output file the
 * program wrote. An output file the program did not write is simply absent.
 */
public record Observation(
    SortedMap<String, String> values, SortedMap<String, byte[]> streams, Duration duration) {
  public static final String EXIT_CODE = "exitCode";

  /**
   * The name of the signal that killed the program (e.g. {@code SIGKILL}); absent when it exited by
   * itself. Its exit code is then 128 + the signal number, as a shell shows it, so only this value
   * tells a killed program from one that exits 137.
   */
  public static final String SIGNAL = "signal";

  public static final String STDOUT = "stdout";
  public static final String STDERR = "stderr";
  public static final String FILE_PREFIX = "file:";
  public static final String STATUS = "status";
  public static final String HEADERS = "headers";
  public static final String BODY = "body";

  public Observation {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    TreeMap<String, byte[]> copy = new TreeMap<>();
    streams.forEach((k, v) -> copy.put(k, v.clone()));
    streams = Collections.unmodifiableSortedMap(copy);
  }

  /** A command's observation, of a program that exited by itself. */
  public static Observation ofCommand(
      int exitCode, byte[] stdout, byte[] stderr, Map<String, byte[]> files, Duration duration) {
    return ofCommand(exitCode, Optional.empty(), stdout, stderr, files, duration);
  }

  /** A command's observation; {@code signal} names the signal that killed it, if one did. */
  public static Observation ofCommand(
      int exitCode,
      Optional<String> signal,
      byte[] stdout,
      byte[] stderr,
      Map<String, byte[]> files,
      Duration duration) {
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put(STDOUT, stdout);
    streams.put(STDERR, stderr);
    files.forEach((path, bytes) -> streams.put(FILE_PREFIX + path, bytes));
    TreeMap<String, String> values = new TreeMap<>();
    values.put(EXIT_CODE, Integer.toString(exitCode));
    signal.ifPresent(name -> values.put(SIGNAL, name));
    return new Observation(values, streams, duration);
  }

  /**
   * An HTTP response's observation.
   *
   * @param headers the compared response headers in their canonical text form (one {@code name:
   *     value} line each)
   */
  public static Observation ofHttp(int status, String headers, byte[] body, Duration duration) {
    TreeMap<String, byte[]> streams = new TreeMap<>();
    streams.put(HEADERS, headers.getBytes(StandardCharsets.UTF_8));
    streams.put(BODY, body);
    TreeMap<String, String> values = new TreeMap<>();
    values.put(STATUS, Integer.toString(status));
    return new Observation(values, streams, duration);
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public Optional<byte[]> stream(String name) {
    return Optional.ofNullable(streams.get(name)).map(byte[]::clone);
  }

  /** Same values and same stream bytes; durations are ignored. */
  public boolean sameContentAs(Observation other) {
    if (!values.equals(other.values) || !streams.keySet().equals(other.streams.keySet())) {
      return false;
    }
    return streams.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), other.streams.get(e.getKey())));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation other
        && sameContentAs(other)
        && duration.equals(other.duration);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + streams.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "Observation"
        + values
        + " streams="
        + streams.keySet()
        + " in "
        + duration.toMillis()
        + "ms";
  }
}
