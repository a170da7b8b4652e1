package dev.parity.shadow;

import dev.parity.run.Observation;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Where the requests of one of the proxy's listeners are counted: the clients' (the verdict, the
 * {@code --record} folder) or the warm-up's, which is thrown away. The clients' path takes its
 * ledger as a value instead of testing a flag, so the code the warm-up compiled is the code the
 * clients run: a branch never taken during the warm-up would be compiled as a trap, and the first
 * client taking it would throw the compiled code away.
 *
 * @param tally the counts and results
 * @param recorder where mismatching (and sampled) requests are written, if anywhere
 * @param ids the numbers of the requests compared, for their case ids
 * @param dropped requests dropped from comparison because the queue was full
 * @param recordFailures requests the recorder could not write
 * @param candidate what the comparisons see of the candidate's answer: the answer itself for the
 *     clients, {@link RehearsedDifferences} for the warm-up
 */
record Ledger(
    ShadowTally tally,
    Optional<ShadowRecorder> recorder,
    AtomicLong ids,
    AtomicLong dropped,
    AtomicLong recordFailures,
    UnaryOperator<Observation> candidate) {

  /** The clients' ledger: their comparisons see the candidate as it answered. */
  static Ledger of(ShadowTally tally, Optional<ShadowRecorder> recorder) {
    return new Ledger(
        tally, recorder, new AtomicLong(), new AtomicLong(), new AtomicLong(), c -> c);
  }

  /** The warm-up's ledger: nothing recorded, and the candidate's answers {@code rehearsed}. */
  static Ledger warmUp(ShadowTally tally, RehearsedDifferences rehearsed) {
    return new Ledger(
        tally, Optional.empty(), new AtomicLong(), new AtomicLong(), new AtomicLong(), rehearsed);
  }

  /** Counts a request the comparison queue did not take ({@code accepted} false) as dropped. */
  void offered(boolean accepted) {
    if (!accepted) {
      dropped.incrementAndGet();
    }
  }

  /** A request served by one listener, queued for comparison with the ledger it counts in. */
  record Queued(Mirrored.Request request, Ledger ledger) {}
}
