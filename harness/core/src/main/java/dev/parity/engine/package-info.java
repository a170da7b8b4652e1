/**
 * Orchestrates a run over a suite: runs cases in parallel, records or loads goldens, compares,
 * builds the verdict.
 */
package dev.parity.engine;
