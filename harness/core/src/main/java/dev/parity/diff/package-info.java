/** Comparing two observations: facts about scalar results and bounded unified diffs of streams. */
package dev.parity.diff;
