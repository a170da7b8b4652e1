/** Redaction of secrets (credentials, sessions, tokens) before anything is written. */
package dev.parity.redact;
