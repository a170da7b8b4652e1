/**
 * Noise: differences between two legacy runs of a case, and the narrowest rules that would cover
 * them.
 */
@NullMarked
package dev.parity.noise;

import org.jspecify.annotations.NullMarked;
