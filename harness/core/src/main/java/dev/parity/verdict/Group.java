package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of one group (a case tag), so that a pipeline can move features one at a time.
 *
 * @param decision which side ships for this group
 * @param reasons plain sentences explaining it
 * @param counts the group's cases by status
 * @param performance the group's performance (its benchmarked cases, else the suite's)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"decision", "reasons", "counts", "performance"})
public record Group(
    Decision decision, List<String> reasons, Counts counts, Optional<Performance> performance) {

  public Group {
    reasons = List.copyOf(reasons);
  }
}
