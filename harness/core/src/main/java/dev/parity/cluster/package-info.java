/**
 * Mismatches taken apart into atomic changes (a JSON path, a header, a line's token edit), each
 * with a key that stays the same across cases with the same root cause, and grouped by those keys.
 */
@NullMarked
package dev.parity.cluster;

import org.jspecify.annotations.NullMarked;
