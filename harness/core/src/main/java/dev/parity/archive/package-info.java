/**
 * What a run stores beside its verdict (raw and normalized observations, how to reproduce each
 * side) so reports can be rebuilt.
 */
package dev.parity.archive;
