/** Verdicts: per-case statuses, counts, the ship decision and the exit code derived from them. */
@NullMarked
package dev.parity.verdict;

import org.jspecify.annotations.NullMarked;
