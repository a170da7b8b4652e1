package dev.parity.golden;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a candidate's difference from the golden is intended: stored in {@code accepted.yaml} beside
 * the accepted candidate observation, in the case's {@code accepted/} folder.
 *
 * @param reason why the difference is intended (required, not blank)
 * @param ticket the issue that tracks it
 * @param until the last day (UTC, inclusive) the difference applies
 * @param by who accepted it
 * @param at when it was accepted
 */
public record AcceptedDifference(
    String reason, Optional<String> ticket, Optional<LocalDate> until, String by, Instant at) {
  public AcceptedDifference {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an accepted difference needs a reason");
    }
    ticket = ticket.filter(t -> !t.isBlank());
  }

  /** A difference accepted by {@code by} at {@code at}, with no ticket and no end date. */
  public static AcceptedDifference of(String reason, String by, Instant at) {
    return new AcceptedDifference(reason, Optional.empty(), Optional.empty(), by, at);
  }

  public AcceptedDifference withTicket(String ticket) {
    return new AcceptedDifference(reason, Optional.of(ticket), until, by, at);
  }

  public AcceptedDifference withUntil(LocalDate until) {
    return new AcceptedDifference(reason, ticket, Optional.of(until), by, at);
  }

  /** Whether {@code today} is after {@code until}: the difference applies through that day. */
  public boolean expired(LocalDate today) {
    return until.map(today::isAfter).orElse(false);
  }

  /** {@code (ticket X)} for messages, or nothing without a ticket. */
  public String ticketNote() {
    return ticket.map(t -> " (ticket " + t + ")").orElse("");
  }
}
