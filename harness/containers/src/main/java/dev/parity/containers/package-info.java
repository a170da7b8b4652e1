/**
 * Containers for {@code container:} implementations, started with Testcontainers from a local image
 * or a local build.
 */
package dev.parity.containers;
