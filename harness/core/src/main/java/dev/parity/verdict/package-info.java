/** Verdicts: per-case statuses, counts, the ship decision and the exit code derived from them. */
package dev.parity.verdict;
