/**
 * Benchmarks legacy against candidate: JMH measures each side in alternating rounds, a paired-round
 * bootstrap gives the candidate/legacy time ratio with its 95% interval, and the gate judges it.
 */
@NullMarked
package dev.parity.bench;

import org.jspecify.annotations.NullMarked;
