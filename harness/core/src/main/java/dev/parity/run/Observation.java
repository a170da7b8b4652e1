package dev.parity.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one run of one side on one case produced.
 *
 * <p>{@code values} hold small scalar results ({@code exitCode} for commands, with {@code signal}
 * when a signal killed the program; {@code status} for HTTP); {@code streams} hold byte contents by
 * name: {@code stdout}, {@code stderr}, and {@code file:<path>} for each declared output file the
 * program wrote. An output file the program did not write is simply absent. A stream larger than
 * the in-memory limit ({@link Spool#memoryLimit()}) is in {@code spooled} instead, on disk; a
 * stream name is in one of the two maps at most.
 */
public record Observation(
    SortedMap<String, String> values,
    SortedMap<String, byte[]> streams,
    SortedMap<String, Spooled> spooled,
    Duration duration) {
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
    // The arrays are taken, not copied: outputs may be tens of megabytes, and no one writes to an
    // observation's arrays once it is made (stream() hands out copies).
    streams = Collections.unmodifiableSortedMap(new TreeMap<>(streams));
    spooled = Collections.unmodifiableSortedMap(new TreeMap<>(spooled));
    for (String name : spooled.keySet()) {
      if (streams.containsKey(name)) {
        throw new IllegalArgumentException("stream [" + name + "] is both in memory and spooled");
      }
    }
  }

  /** An observation whose streams are all in memory. */
  public Observation(
      SortedMap<String, String> values, SortedMap<String, byte[]> streams, Duration duration) {
    this(values, streams, new TreeMap<>(), duration);
  }

  /**
   * This observation with its in-memory streams replaced by {@code streams}; its values, spooled
   * streams and duration are kept (a derived observation never loses a spooled stream).
   */
  public Observation withStreams(SortedMap<String, byte[]> streams) {
    return new Observation(values, streams, spooled, duration);
  }

  /** This observation with its values replaced by {@code values}. */
  public Observation withValues(SortedMap<String, String> values) {
    return new Observation(values, streams, spooled, duration);
  }

  /** The names of every stream, in memory or spooled. */
  public SortedSet<String> names() {
    TreeSet<String> names = new TreeSet<>(streams.keySet());
    names.addAll(spooled.keySet());
    return Collections.unmodifiableSortedSet(names);
  }

  /** Whether the side wrote {@code name}, in memory or spooled. */
  public boolean has(String name) {
    return streams.containsKey(name) || spooled.containsKey(name);
  }

  /** The size of a stream in bytes, or -1 if it is absent. */
  public long size(String name) {
    byte[] bytes = streams.get(name);
    if (bytes != null) {
      return bytes.length;
    }
    Spooled file = spooled.get(name);
    return file == null ? -1 : file.size();
  }

  /** The bytes of a stream, from memory or its spool file. */
  public InputStream open(String name) throws IOException {
    byte[] bytes = streams.get(name);
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    Spooled file = spooled.get(name);
    if (file == null) {
      throw new NoSuchFileException(name, null, "no such stream");
    }
    return file.open();
  }

  /**
   * Where stream {@code name} of this and {@code other} first differ, read in one pass; for two
   * spool files, read once per pair whoever asks (the archive, then the comparator).
   */
  public Optional<StreamBytes.Mismatch> mismatch(String name, Observation other)
      throws IOException {
    Spooled mine = spooled.get(name);
    Spooled theirs = other.spooled.get(name);
    if (mine != null && theirs != null) {
      return mine.equals(theirs) ? Optional.empty() : SpooledPairs.mismatch(mine, theirs);
    }
    try (InputStream a = open(name);
        InputStream b = other.open(name)) {
      return StreamBytes.mismatch(a, b);
    }
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
    return ofCommand(exitCode, signal, streams, new TreeMap<>(), duration);
  }

  /**
   * A command's observation with streams by name ({@code stdout}, {@code stderr}, {@code
   * file:<path>}), those over the in-memory limit spooled to disk.
   */
  public static Observation ofCommand(
      int exitCode,
      Optional<String> signal,
      SortedMap<String, byte[]> streams,
      SortedMap<String, Spooled> spooled,
      Duration duration) {
    TreeMap<String, String> values = new TreeMap<>();
    values.put(EXIT_CODE, Integer.toString(exitCode));
    signal.ifPresent(name -> values.put(SIGNAL, name));
    return new Observation(values, streams, spooled, duration);
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

  /**
   * Same values and same stream bytes, spooled streams read from disk; durations are ignored.
   *
   * @throws UncheckedIOException when a spool file cannot be read
   */
  public boolean sameContentAs(Observation other) {
    if (!values.equals(other.values) || !names().equals(other.names())) {
      return false;
    }
    for (String name : names()) {
      byte[] mine = streams.get(name);
      byte[] theirs = other.streams.get(name);
      if (mine != null && theirs != null) {
        if (!Arrays.equals(mine, theirs)) {
          return false;
        }
      } else if (!sameBytes(name, other)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameBytes(String name, Observation other) {
    if (size(name) != other.size(name)) {
      return false;
    }
    // One spool file (a derived observation, raw beside compared) is not read at all.
    try {
      return mismatch(name, other).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stream [" + name + "]", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Observation other
        && sameContentAs(other)
        && duration.equals(other.duration);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + names().hashCode();
  }

  @Override
  public String toString() {
    return "Observation"
        + values
        + " streams="
        + streams.keySet()
        + (spooled.isEmpty() ? "" : " spooled=" + spooled.keySet())
        + " in "
        + duration.toMillis()
        + "ms";
  }
}
