/**
 * Containers for {@code container:} implementations, started with Testcontainers from a local image
 * or a local build.
 */
@NullMarked
package dev.parity.containers;

import org.jspecify.annotations.NullMarked;
