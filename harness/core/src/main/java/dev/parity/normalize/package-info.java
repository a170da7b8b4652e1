/**
 * Normalization rules applied at comparison time to both sides: built-ins, regex, text, JSON,
 * headers, HTML.
 */
@NullMarked
package dev.parity.normalize;

import org.jspecify.annotations.NullMarked;
