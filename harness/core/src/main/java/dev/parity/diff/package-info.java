/** Comparing two observations: facts about scalar results and bounded unified diffs of streams. */
@NullMarked
package dev.parity.diff;

import org.jspecify.annotations.NullMarked;
