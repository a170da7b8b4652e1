/**
 * What a run stores beside its verdict (raw and normalized observations, how to reproduce each
 * side) so reports can be rebuilt.
 */
@NullMarked
package dev.parity.archive;

import org.jspecify.annotations.NullMarked;
