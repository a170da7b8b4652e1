package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How many cases ran and how they ended.
 *
 * @param accepted cases that passed as an accepted difference (not among {@code passed})
 */
public record Counts(
    int total,
    int passed,
    int failed,
    int errors,
    // Left out of verdict.json when 0, so a run without accepted differences reads as before.
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int accepted) {

  /** Counts without accepted differences, as a verdict.json written before them reads. */
  public Counts(int total, int passed, int failed, int errors) {
    this(total, passed, failed, errors, 0);
  }

  public static Counts of(List<CaseResult> results) {
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int accepted = 0;
    for (CaseResult result : results) {
      switch (result.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case ERROR -> errors++;
        case ACCEPTED -> accepted++;
      }
    }
    return new Counts(results.size(), passed, failed, errors, accepted);
  }
}
