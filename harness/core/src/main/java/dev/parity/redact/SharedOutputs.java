package dev.parity.redact;

import dev.parity.run.Observation;
import dev.parity.run.Reference;
import dev.parity.run.Spooled;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What lets a run share legacy's spooled outputs (issue 13, docs/benchmarks.md, seventh pass): the
 * engine hands a run legacy's redacted observation as its {@link Reference}, but the run's pumps
 * see raw bytes and must compare them with legacy's raw file. So each spooled stream this runner
 * returned is remembered with the raw file it was redacted from, and by which redactor.
 *
 * <p>A stream whose raw bytes turned out to be legacy's raw file (the run wrote no file of its own)
 * takes legacy's redacted stream: the same redactor over the same bytes gives the same bytes, so
 * the observation is what redacting its own copy would have given, and the two sides hold equal
 * {@link Spooled} records. Both belong to the same case, whose spool files are deleted together.
 */
final class SharedOutputs {
  /** The raw file a returned stream was redacted from, and the redactor that did it. */
  private record Origin(Spooled raw, Redactor redactor) {}

  private final Map<Spooled, Origin> origins = new ConcurrentHashMap<>();

  /** The finished scan that saw every byte of a raw file, as it was spooled. */
  private final Map<Spooled, OutputRedactionScan> scans = new ConcurrentHashMap<>();

  /**
   * The raw files behind the streams of {@code reference} that this runner returned, or redacted
   * from a golden, by {@code redactor}; any other stream (another case's, or redacted elsewhere) is
   * left out and spooled as without a reference.
   */
  Reference raw(Reference reference, Redactor redactor) {
    TreeMap<String, Spooled> raw = new TreeMap<>();
    reference
        .spooled()
        .forEach(
            (stream, redacted) -> {
              Origin origin = origins.get(redacted);
              if (origin != null && origin.redactor() == redactor) {
                raw.put(stream, origin.raw());
              }
            });
    return new Reference(raw);
  }

  /** The spooled streams of the raw {@code observed} that are their raw reference's file. */
  static Set<String> same(Observation observed, Reference raw) {
    Set<String> same = new HashSet<>();
    observed
        .spooled()
        .forEach(
            (stream, spooled) -> {
              if (raw.forStream(stream).filter(spooled::equals).isPresent()) {
                same.add(stream);
              }
            });
    return same;
  }

  /** {@code redacted} with each stream of {@code same} replaced by {@code reference}'s. */
  static Observation share(Observation redacted, Set<String> same, Reference reference) {
    if (same.isEmpty()) {
      return redacted;
    }
    TreeMap<String, Spooled> spooled = new TreeMap<>(redacted.spooled());
    same.forEach(stream -> spooled.put(stream, reference.forStream(stream).orElseThrow()));
    return new Observation(redacted.values(), redacted.streams(), spooled, redacted.duration());
  }

  /**
   * The scan that saw every byte of {@code raw}, a file behind a stream of {@link #raw}'s
   * reference: a run compared with that file answers for its bytes with it ({@link
   * OutputRedactionScan#skip}).
   */
  CompletableFuture<Optional<OutputRedactionScan>> scanOf(Spooled raw) {
    return CompletableFuture.completedFuture(Optional.ofNullable(scans.get(raw)));
  }

  /**
   * Remembers where each spooled stream of {@code redacted} came from ({@code observed}'s file of
   * the same name) and, from {@code finished}, the scan that saw every byte of that file; forgets
   * streams whose files are gone (their case was released).
   */
  void remember(
      Observation observed,
      Observation redacted,
      Redactor redactor,
      Map<String, OutputRedactionScan> finished) {
    if (redacted.spooled().isEmpty() && origins.isEmpty()) {
      return;
    }
    origins.values().removeIf(origin -> !Files.exists(origin.raw().file()));
    scans.keySet().removeIf(raw -> !Files.exists(raw.file()));
    observed
        .spooled()
        .forEach(
            (stream, raw) -> {
              OutputRedactionScan scan = finished.get(stream);
              if (scan != null && scan.seen() == raw.size()) {
                // The first scan of a file is kept: a later run equal to it scanned none of it.
                scans.putIfAbsent(raw, scan);
              }
            });
    redacted
        .spooled()
        .forEach(
            (stream, spooled) -> {
              Spooled raw = observed.spooled().get(stream);
              if (raw != null) {
                origins.put(spooled, new Origin(raw, redactor));
              }
            });
  }
}
