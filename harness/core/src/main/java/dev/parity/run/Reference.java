package dev.parity.run;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The spooled outputs of an earlier run of the same case that a run's outputs are expected to
 * equal: legacy's, handed to the candidate's run and to legacy's extra runs (issue 13,
 * docs/benchmarks.md, seventh pass). A stream over the in-memory limit is then compared with its
 * reference as it arrives instead of being written to a spool file of its own: when every byte is
 * the same and there are as many, the run's observation holds the reference's {@link Spooled}
 * itself, and nothing is written; from the first difference on, the stream is spooled whole as
 * without a reference ({@link ReferenceMatch}).
 *
 * <p>A reference is only a hint: a stream without one, or whose reference cannot be read, is
 * spooled as before. Its files must outlive the run (they belong to the same case, released with it
 * by {@link Spool#release}).
 *
 * @param spooled the expected streams by name, raw as the runner spooled them
 */
public record Reference(SortedMap<String, Spooled> spooled) {
  /** No stream is expected: every output is spooled as it comes. */
  public static final Reference NONE = new Reference(new TreeMap<>());

  public Reference {
    spooled = Collections.unmodifiableSortedMap(new TreeMap<>(spooled));
  }

  /** The spooled streams of {@code observation}, as a runner returned them. */
  public static Reference of(Observation observation) {
    return new Reference(observation.spooled());
  }

  /** The expected content of {@code stream}, if it was spooled. */
  public Optional<Spooled> forStream(String stream) {
    return Optional.ofNullable(spooled.get(stream));
  }
}
