/**
 * Sample classes for the architecture tests: the same path from the fixture to the engine through
 * an unplaced package, once backwards (a violation) and once forwards (none).
 */
package dev.parity.testing.layers;
