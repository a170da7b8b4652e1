package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The smallest input found that still shows a cluster's changes on both sides, run live ({@code
 * parity report --shrink}): the case's input with stdin lines, query parameters or JSON body
 * members left out by delta debugging, and the commands that reproduce each side with it.
 *
 * <p>Only an input that was run again on both sides after shrinking and still showed every change
 * of {@code signature} is given; otherwise {@code outcome} is {@link Outcome#NOT_REPRODUCED} and
 * {@code input} and {@code scripts} are empty.
 *
 * @param clusters the ids of the clusters it reproduces (those whose smallest case this is)
 * @param signature the keys of the changes it still shows
 * @param outcome how the search ended
 * @param message one sentence saying what was kept and how the search ended
 * @param probes how many shrunk inputs were run on both sides
 * @param reduced per kind of part, how many of the case's parts were kept
 * @param input the shrunk input: {@code stdin}, {@code query} (as sent, {@code a=1&b=2}), {@code
 *     body}
 * @param scripts the shell commands that reproduce each side with the shrunk input, by side
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "clusters",
  "signature",
  "outcome",
  "message",
  "probes",
  "reduced",
  "input",
  "scripts"
})
public record Reproducer(
    List<String> clusters,
    List<String> signature,
    Outcome outcome,
    String message,
    int probes,
    List<Reduced> reduced,
    Map<String, String> input,
    Map<String, String> scripts) {

  public Reproducer {
    clusters = List.copyOf(clusters);
    signature = List.copyOf(signature);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    reduced = reduced == null ? List.of() : List.copyOf(reduced);
    input = input == null ? Map.of() : copy(input);
    scripts = scripts == null ? Map.of() : copy(scripts);
  }

  /** How the search for a smaller input ended. */
  public enum Outcome {
    /** 1-minimal: leaving out any one more part loses a change. */
    @JsonProperty("minimal")
    MINIMAL,
    /** The budget ran out: the smallest input that showed the changes so far, maybe not minimal. */
    @JsonProperty("budget-spent")
    BUDGET_SPENT,
    /**
     * Run live on both sides, the input (shrunk or whole) no longer showed the changes (the
     * difference depends on the golden, on timing or on state): nothing is given as a reproducer.
     */
    @JsonProperty("not-reproduced")
    NOT_REPRODUCED;

    /** Whether an input is given. */
    public boolean reproduces() {
      return this != NOT_REPRODUCED;
    }
  }

  /**
   * How far one kind of part was reduced.
   *
   * @param parts what was shrunk: {@code stdin lines}, {@code query parameters}, {@code body
   *     members}
   * @param kept how many were kept
   * @param of how many the case had
   */
  @JsonPropertyOrder({"parts", "kept", "of"})
  public record Reduced(String parts, int kept, int of) {
    public Reduced {
      Objects.requireNonNull(parts, "parts");
    }

    @Override
    public String toString() {
      return kept + " of " + of + " " + parts;
    }
  }

  /** A reproducer that was not confirmed, saying why. */
  public static Reproducer notReproduced(
      List<String> clusters, List<String> signature, int probes, String why) {
    return new Reproducer(
        clusters, signature, Outcome.NOT_REPRODUCED, why, probes, List.of(), Map.of(), Map.of());
  }

  /** This reproducer with the commands that reproduce each side. */
  public Reproducer withScripts(Map<String, String> bySide) {
    return new Reproducer(clusters, signature, outcome, message, probes, reduced, input, bySide);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
