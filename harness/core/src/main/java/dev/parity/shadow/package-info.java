/** Shadow traffic: a reverse proxy that serves legacy and compares the candidate off the path. */
@NullMarked
package dev.parity.shadow;

import org.jspecify.annotations.NullMarked;
