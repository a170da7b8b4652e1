/**
 * The {@code parity} command line: parses options, runs the engine, prints summaries, returns exit
 * codes.
 */
@NullMarked
package dev.parity.cli;

import org.jspecify.annotations.NullMarked;
