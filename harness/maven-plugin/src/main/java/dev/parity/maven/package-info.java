/**
 * The Maven plugin: goals that run the {@code parity} command inside a build and fail it according
 * to the decision.
 */
@NullMarked
package dev.parity.maven;

import org.jspecify.annotations.NullMarked;
