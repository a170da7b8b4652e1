package dev.parity.redact;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** A runner whose outcomes carry no secret in clear (see {@link Redactor}). */
final class RedactingRunner implements Runner {
  private final Runner runner;
  private final Map<Suite, Redactor> redactors =
      Collections.synchronizedMap(new IdentityHashMap<>());

  RedactingRunner(Runner runner) {
    this.runner = runner;
  }

  @Override
  public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
    Redactor redactor =
        redactors.computeIfAbsent(suite, s -> Redactor.of(s.redaction())).forCase(testCase);
    RunOutcome outcome = runner.run(suite, implementation, testCase);
    if (outcome instanceof RunOutcome.Completed done) {
      return new RunOutcome.Completed(redactor.apply(done.observed()));
    }
    if (outcome instanceof RunOutcome.Failed failed) {
      return new RunOutcome.Failed(redactor.text(failed.reason()), failed.duration());
    }
    RunOutcome.Unavailable unavailable = (RunOutcome.Unavailable) outcome;
    return new RunOutcome.Unavailable(redactor.text(unavailable.reason()), unavailable.duration());
  }

  @Override
  public void resetConnections() {
    runner.resetConnections();
  }

  @Override
  public void close() {
    runner.close();
  }
}
