/**
 * Normalization rules applied at comparison time to both sides: built-ins, regex, text, JSON,
 * headers, HTML.
 */
package dev.parity.normalize;
