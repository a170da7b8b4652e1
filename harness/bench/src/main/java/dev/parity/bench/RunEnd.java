package dev.parity.bench;

import dev.parity.run.Observation;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a benchmarked run ended: its exit code and the signal that killed it (a command), or its
 * status (an HTTP request). A benchmark times the same work on every run only while every run of
 * both sides ends the same way; a run that fails fast (out of a resource, rate limited, crashed)
 * would otherwise count as a faster candidate.
 */
record RunEnd(SortedMap<String, String> values) {
  private static final List<String> NAMES =
      List.of(Observation.EXIT_CODE, Observation.SIGNAL, Observation.STATUS);

  RunEnd {
    values = new TreeMap<>(values);
  }

  static RunEnd of(Observation observation) {
    SortedMap<String, String> values = new TreeMap<>();
    for (String name : NAMES) {
      observation.value(name).ifPresent(value -> values.put(name, value));
    }
    return new RunEnd(values);
  }

  /** For a reason, e.g. {@code exit code 1} or {@code status 503}. */
  @Override
  public String toString() {
    if (values.isEmpty()) {
      return "no exit code or status";
    }
    return values.entrySet().stream()
        .map(e -> words(e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String words(String name) {
    return name.equals(Observation.EXIT_CODE) ? "exit code" : name;
  }
}
