package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Mismatches (or errors) that share one signature, i.e. most likely one root cause.
 *
 * @param id {@code c1}, {@code c2}, ... by decreasing size
 * @param status fail or error
 * @param count how many cases have this signature
 * @param signature what the cases have in common, one line per changed element, tokens normalized
 *     ({@code <n>} for numbers, {@code <uuid>}, {@code <hex>})
 * @param examples the first case ids with this signature (at most {@link Clusters#EXAMPLES})
 * @param excerpt the first changed lines of the first example, as they were (not normalized)
 */
@JsonPropertyOrder({"id", "status", "count", "signature", "examples", "excerpt"})
public record Cluster(
    String id,
    Status status,
    int count,
    List<String> signature,
    List<String> examples,
    List<String> excerpt) {

  public Cluster {
    signature = List.copyOf(signature);
    examples = List.copyOf(examples);
    excerpt = List.copyOf(excerpt);
  }

  /** The signature on one line, for summaries. */
  public String headline() {
    return String.join(" | ", signature);
  }
}
