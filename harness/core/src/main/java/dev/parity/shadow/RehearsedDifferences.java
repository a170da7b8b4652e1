package dev.parity.shadow;

import dev.parity.run.Observation;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * What the warm-up's comparisons see of the candidate: every other answer with one byte of its body
 * changed. A suite's safe cases usually pass, so without it the warm-up never took the path of a
 * request whose answers differ (the body's diff, its clusters, a failing count), and the JIT
 * compiled that path under the first clients' load, beside them (docs/traffic.md). Only the
 * warm-up's ledger, which is thrown away, uses it; the clients' comparisons see the candidate as it
 * answered.
 */
final class RehearsedDifferences implements UnaryOperator<Observation> {
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong changed = new AtomicLong();

  @Override
  public Observation apply(Observation candidate) {
    if (seen.getAndIncrement() % 2 == 0) {
      return candidate;
    }
    // stream() hands out a copy: taken only for the answers that are changed.
    Optional<byte[]> body = candidate.stream(Observation.BODY);
    if (body.isEmpty()) {
      return candidate;
    }
    TreeMap<String, byte[]> streams = new TreeMap<>(candidate.streams());
    streams.put(Observation.BODY, changeOne(body.get()));
    changed.incrementAndGet();
    return candidate.withStreams(streams);
  }

  /** How many answers were changed so far. */
  long changed() {
    return changed.get();
  }

  /**
   * {@code body} with the case of its first ASCII letter flipped (a JSON document stays one when
   * the letter is in a string or a name), or with one space more when it has no letter.
   */
  static byte[] changeOne(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        byte[] copy = body.clone();
        copy[i] = (byte) (b ^ 0x20);
        return copy;
      }
    }
    byte[] longer = Arrays.copyOf(body, body.length + 1);
    longer[body.length] = ' ';
    return longer;
  }
}
