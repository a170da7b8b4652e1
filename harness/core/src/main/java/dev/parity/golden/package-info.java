/**
 * Goldens: recorded legacy observations stored as reviewable, byte-exact files under {@code
 * golden/<suite>/}.
 */
@NullMarked
package dev.parity.golden;

import org.jspecify.annotations.NullMarked;
