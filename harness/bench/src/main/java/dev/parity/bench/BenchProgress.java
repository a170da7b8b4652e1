package dev.parity.bench;

import dev.parity.fixture.Case;
import dev.parity.verdict.CasePerformance;

/** Hears about a benchmark while it runs. */
public interface BenchProgress {
  BenchProgress NONE = new BenchProgress() {};

  default void caseStarted(Case testCase, int index, int total) {}

  default void caseFinished(CasePerformance result) {}
}
