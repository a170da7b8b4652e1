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
 * @param until the last day (UTC) or candidate version the difference applies to, inclusive
 * @param by who accepted it
 * @param at when it was accepted
 */
public record AcceptedDifference(
    String reason, Optional<String> ticket, Optional<Until> until, String by, Instant at) {
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
    return withUntil(new Until.Day(until));
  }

  public AcceptedDifference withUntil(Until until) {
    return new AcceptedDifference(reason, ticket, Optional.of(until), by, at);
  }

  /**
   * Whether {@code today} is after an {@code until} day: the difference applies through that day. A
   * version bound is judged only by {@link #expiry}, which knows the candidate's version.
   */
  public boolean expired(LocalDate today) {
    return until
        .filter(u -> u instanceof Until.Day)
        .flatMap(u -> u.expiry(today, Optional.empty()))
        .isPresent();
  }

  /**
   * Why the difference no longer applies on {@code today} to a candidate of version {@code
   * candidate} (see {@link Until#expiry}), or empty while it applies.
   */
  public Optional<String> expiry(LocalDate today, Optional<SemanticVersion> candidate) {
    return until.flatMap(u -> u.expiry(today, candidate));
  }

  /** {@code (ticket X)} for messages, or nothing without a ticket. */
  public String ticketNote() {
    return ticket.map(t -> " (ticket " + t + ")").orElse("");
  }
}
