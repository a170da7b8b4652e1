package dev.parity.golden;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of an accepted difference: the last day (UTC) it applies, or the last version of the
 * candidate it applies to. Both are inclusive, so the difference stops applying right after.
 */
public sealed interface Until {
  /** What {@code --until} and {@code until:} take, for messages. */
  String FORMAT = "a date YYYY-MM-DD (the last day, UTC) or " + SemanticVersion.FORMAT;

  /** As written in {@code accepted.yaml} and reports. */
  String label();

  /**
   * Why the difference no longer applies on {@code today} to a candidate of version {@code
   * candidate}, or empty while it applies. A version bound with no known candidate version no
   * longer applies: a pass must never rest on a version nobody gave.
   */
  Optional<String> expiry(LocalDate today, Optional<SemanticVersion> candidate);

  /** The last day the difference applies, inclusive. */
  record Day(LocalDate day) implements Until {
    public Day {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public String label() {
      return day.toString();
    }

    @Override
    public Optional<String> expiry(LocalDate today, Optional<SemanticVersion> candidate) {
      return today.isAfter(day)
          ? Optional.of("accepted difference expired on " + day)
          : Optional.empty();
    }
  }

  /** The last candidate version the difference applies to, inclusive. */
  record Version(SemanticVersion version) implements Until {
    public Version {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public String label() {
      return version.text();
    }

    @Override
    public Optional<String> expiry(LocalDate today, Optional<SemanticVersion> candidate) {
      if (candidate.isEmpty()) {
        return Optional.of(
            "accepted difference applies up to candidate version "
                + version
                + ", but the run was not told the candidate's version (give it with"
                + " --candidate-version)");
      }
      return candidate.get().compareTo(version) > 0
          ? Optional.of(
              "accepted difference expired after version "
                  + version
                  + " (the candidate is version "
                  + candidate.get()
                  + ")")
          : Optional.empty();
    }
  }

  /** The bound {@code text} names (a date first, then a version), or empty when it is neither. */
  static Optional<Until> parse(String text) {
    try {
      return Optional.of(new Day(LocalDate.parse(text.strip())));
    } catch (DateTimeParseException e) {
      return SemanticVersion.parse(text).map(Version::new);
    }
  }
}
