/**
 * The {@code parity} command line: parses options, runs the engine, prints summaries, returns exit
 * codes.
 */
package dev.parity.cli;
