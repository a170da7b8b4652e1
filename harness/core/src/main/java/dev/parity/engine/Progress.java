package dev.parity.engine;

import dev.parity.verdict.CaseResult;

/** Hears about a run while it happens, e.g. to draw a progress bar. Called from worker threads. */
public interface Progress {
  Progress NONE = new Progress() {};

  default void started(int totalCases) {}

  default void finished(CaseResult result) {}
}
