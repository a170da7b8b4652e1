/**
 * The resident JVM behind {@code PARITY_DAEMON=1} (docs/daemon.md): runs {@code record}, {@code
 * verify} and {@code compare} for the {@code parity-client} of one context, one run at a time, as
 * the JVM the client would otherwise start.
 */
@NullMarked
package dev.parity.cli.daemon;

import org.jspecify.annotations.NullMarked;
