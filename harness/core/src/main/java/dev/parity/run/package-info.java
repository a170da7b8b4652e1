/**
 * Running one side of a suite on one case and capturing what it did as an {@link
 * dev.parity.run.Observation}.
 */
@NullMarked
package dev.parity.run;

import org.jspecify.annotations.NullMarked;
