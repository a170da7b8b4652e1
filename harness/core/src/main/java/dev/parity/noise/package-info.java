/**
 * Noise: differences between two legacy runs of a case, and the narrowest rules that would cover
 * them.
 */
package dev.parity.noise;
