package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;

/** Runs one implementation on one case. Implementations are thread-safe: cases run in parallel. */
public interface Runner {

  RunOutcome run(Suite suite, Implementation implementation, Case testCase);
}
