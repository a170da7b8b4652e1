package dev.parity.run;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;

/**
 * A runner of one kind of implementation and case: it refuses any other kind (which only a wrong
 * dispatch can hand it) before it runs, so each runner works on its own types.
 */
abstract class TypedRunner<I extends Implementation, C extends Case> implements Runner {
  private final Class<I> implementations;
  private final Class<C> cases;

  TypedRunner(Class<I> implementations, Class<C> cases) {
    this.implementations = implementations;
    this.cases = cases;
  }

  @Override
  public final RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
    return run(suite, implementation, testCase, OutputScan.Factory.NONE);
  }

  @Override
  public final RunOutcome run(
      Suite suite, Implementation implementation, Case testCase, OutputScan.Factory scans) {
    return run(suite, implementation, testCase, scans, Reference.NONE);
  }

  @Override
  public final RunOutcome run(
      Suite suite,
      Implementation implementation,
      Case testCase,
      OutputScan.Factory scans,
      Reference reference) {
    if (!implementations.isInstance(implementation) || !cases.isInstance(testCase)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " runs only a "
              + cases.getSimpleName()
              + " on a "
              + implementations.getSimpleName()
              + ", not case ["
              + testCase.id()
              + "] on "
              + implementation.describe());
    }
    return runTyped(
        suite, implementations.cast(implementation), cases.cast(testCase), scans, reference);
  }

  /** Runs {@code testCase} against {@code implementation}, both of this runner's kind. */
  abstract RunOutcome runTyped(Suite suite, I implementation, C testCase);

  /** The same with scans of the outputs kept on disk; by default they are not scanned. */
  RunOutcome runTyped(Suite suite, I implementation, C testCase, OutputScan.Factory scans) {
    return runTyped(suite, implementation, testCase);
  }

  /** The same with a reference for the outputs kept on disk; by default it is not used. */
  RunOutcome runTyped(
      Suite suite, I implementation, C testCase, OutputScan.Factory scans, Reference reference) {
    return runTyped(suite, implementation, testCase, scans);
  }
}
