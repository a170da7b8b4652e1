/**
 * {@code parity review}: the decision logic ({@link dev.parity.cli.review.ReviewSession}), the
 * screen it draws ({@link dev.parity.cli.review.ReviewScreen}) and the terminal it talks to ({@link
 * dev.parity.cli.review.ReviewTerminal}), kept apart so the logic is tested without a terminal.
 */
@NullMarked
package dev.parity.cli.review;

import org.jspecify.annotations.NullMarked;
