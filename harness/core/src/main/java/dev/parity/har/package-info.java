/** HAR import: browser and proxy captures turned into the HTTP cases of a suite. */
@NullMarked
package dev.parity.har;

import org.jspecify.annotations.NullMarked;
