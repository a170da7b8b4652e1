/**
 * Orchestrates a run over a suite: runs cases in parallel, records or loads goldens, compares,
 * builds the verdict.
 */
@NullMarked
package dev.parity.engine;

import org.jspecify.annotations.NullMarked;
