/** Redaction of secrets (credentials, sessions, tokens) before anything is written. */
@NullMarked
package dev.parity.redact;

import org.jspecify.annotations.NullMarked;
