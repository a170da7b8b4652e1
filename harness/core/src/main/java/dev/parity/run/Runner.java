package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;

/**
 * Runs one implementation on one case. Implementations are thread-safe: cases run in parallel.
 *
 * <p>A runner may start servers or containers on first use; {@link #close()} stops them, so the
 * owner of a runner closes it after the run.
 */
public interface Runner extends AutoCloseable {

  RunOutcome run(Suite suite, Implementation implementation, Case testCase);

  /**
   * The same, showing each output the run keeps on disk to its scan from {@code scans} as it is
   * written (see {@link OutputScan}); a runner that keeps no output on disk ignores them.
   */
  default RunOutcome run(
      Suite suite, Implementation implementation, Case testCase, OutputScan.Factory scans) {
    return run(suite, implementation, testCase);
  }

  /**
   * The same, comparing each output the run would keep on disk with its {@link Reference} (an
   * earlier run's output of the same case) as it arrives, and keeping the reference's file instead
   * of a copy when it is the same; a runner that keeps no output on disk ignores it.
   */
  default RunOutcome run(
      Suite suite,
      Implementation implementation,
      Case testCase,
      OutputScan.Factory scans,
      Reference reference) {
    return run(suite, implementation, testCase, scans);
  }

  /** {@link #run(Suite, Implementation, Case, OutputScan.Factory, Reference)}, scanning nothing. */
  default RunOutcome run(
      Suite suite, Implementation implementation, Case testCase, Reference reference) {
    return run(suite, implementation, testCase, OutputScan.Factory.NONE, reference);
  }

  /**
   * Drops pooled connections, so that what runs next starts from fresh ones: a benchmark must not
   * depend on how many connections an earlier, parallel step left open. Servers keep running; the
   * default has nothing pooled.
   */
  default void resetConnections() {}

  /** Stops whatever the runner started (servers, containers); the default has nothing to stop. */
  @Override
  default void close() {}
}
