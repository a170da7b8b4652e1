/**
 * Goldens: recorded legacy observations stored as reviewable, byte-exact files under {@code
 * golden/<suite>/}.
 */
package dev.parity.golden;
