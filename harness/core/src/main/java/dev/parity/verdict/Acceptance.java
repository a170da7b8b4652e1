package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The accepted difference an {@link Status#ACCEPTED} case matched, as verdict.json and every report
 * show it.
 *
 * @param reason why the difference is intended
 * @param ticket the issue that tracks it
 * @param until the last day (UTC, {@code YYYY-MM-DD}) or candidate version it applies to
 * @param by who accepted it
 * @param at when
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"reason", "ticket", "until", "by", "at"})
public record Acceptance(
    String reason, Optional<String> ticket, Optional<String> until, String by, Instant at) {
  public Acceptance {
    Objects.requireNonNull(reason, "reason");
    ticket = ticket == null ? Optional.empty() : ticket;
    until = until == null ? Optional.empty() : until;
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }

  public static Acceptance of(
      String reason, Optional<String> ticket, Optional<String> until, String by, Instant at) {
    return new Acceptance(reason, ticket, until, by, at);
  }

  /** Everything about it in one line: reason, ticket, until, by whom and when. */
  public String sentence() {
    return headline()
        + until.map(u -> ", until " + u).orElse("")
        + ", accepted by "
        + by
        + " at "
        + at;
  }

  /** {@code reason (ticket X)}, for summaries and reports. */
  public String headline() {
    return reason + ticket.map(t -> " (ticket " + t + ")").orElse("");
  }
}
