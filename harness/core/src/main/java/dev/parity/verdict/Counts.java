package dev.parity.verdict;

import java.util.List;

/** How many cases ran and how they ended. */
public record Counts(int total, int passed, int failed, int errors) {

  public static Counts of(List<CaseResult> results) {
    int passed = 0;
    int failed = 0;
    int errors = 0;
    for (CaseResult result : results) {
      switch (result.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case ERROR -> errors++;
      }
    }
    return new Counts(results.size(), passed, failed, errors);
  }
}
