package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.StreamDiff;
import dev.parity.fixture.Case;
import dev.parity.noise.Discounted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The outcome of one case.
 *
 * @param id the case id
 * @param tags the case's tags (its groups)
 * @param status pass, fail or error
 * @param summary one line saying what happened
 * @param facts the differences or the error, one by one
 * @param notes remarks that are not differences (fallback diffs, golden created, ...)
 * @param diffs per-stream diffs
 * @param durationsMs wall time of each side's run, by side ({@code legacy}, {@code candidate})
 * @param jsonChanges for JSON outputs, the JSON Pointer paths that differ with both values
 * @param noisy two legacy runs of the case differed in a way no rule covers
 * @param noise the differences seen between legacy runs: flagged when recording, discounted when
 *     comparing
 * @param discounted when comparing, each difference between legacy and candidate not held against
 *     the candidate because the legacy runs differed at the same token
 * @param accepted for an {@link Status#ACCEPTED} case, the accepted difference it matched
 * @param reproducer for the smallest case of a cluster, after {@code parity report --shrink}: the
 *     smallest input that still shows the cluster's changes on both sides
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "id",
  "status",
  "summary",
  "accepted",
  "tags",
  "facts",
  "notes",
  "diff",
  "diffs",
  "durationsMs",
  "jsonChanges",
  "noisy",
  "noise",
  "discounted",
  "reproducer"
})
public record CaseResult(
    String id,
    List<String> tags,
    Status status,
    String summary,
    List<Fact> facts,
    List<Fact> notes,
    List<StreamDiff> diffs,
    Map<String, Long> durationsMs,
    List<JsonChange> jsonChanges,
    boolean noisy,
    List<Fact> noise,
    List<Discounted> discounted,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Acceptance> accepted,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Reproducer> reproducer) {

  /** The summary of a recorded case whose golden {@code record --update} replaced. */
  public static final String GOLDEN_UPDATED = "golden updated";

  /** The summary of a new case that a record in CI stored as a pending result, not a golden. */
  public static final String STORED_AS_PENDING = "new case stored as pending";

  public CaseResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    tags = List.copyOf(tags);
    facts = List.copyOf(facts);
    notes = List.copyOf(notes);
    diffs = List.copyOf(diffs);
    durationsMs = Map.copyOf(durationsMs);
    jsonChanges = List.copyOf(jsonChanges);
    noise = List.copyOf(noise);
    discounted = List.copyOf(discounted);
    // A verdict.json written before accepted differences has none.
    accepted = accepted == null ? Optional.empty() : accepted;
    reproducer = reproducer == null ? Optional.empty() : reproducer;
  }

  /** The case passed: {@code notes} say how (identical, golden created, ...). */
  public static CaseResult passed(
      Case testCase, String summary, List<Fact> notes, Map<String, Long> durationsMs) {
    return passed(testCase, summary, notes, List.of(), durationsMs);
  }

  /** The case passed; {@code diffs} show what changed that is no difference (a golden updated). */
  public static CaseResult passed(
      Case testCase,
      String summary,
      List<Fact> notes,
      List<StreamDiff> diffs,
      Map<String, Long> durationsMs) {
    return of(testCase, Status.PASS, summary, List.of(), notes, diffs, durationsMs);
  }

  /** The sides differ: {@code facts} are the differences, {@code diffs} show them. */
  public static CaseResult failed(
      Case testCase,
      String summary,
      List<Fact> facts,
      List<Fact> notes,
      List<StreamDiff> diffs,
      Map<String, Long> durationsMs) {
    return of(testCase, Status.FAIL, summary, facts, notes, diffs, durationsMs);
  }

  /** The case could not be judged; {@code facts} say why. */
  public static CaseResult errored(
      Case testCase, String summary, List<Fact> facts, Map<String, Long> durationsMs) {
    return of(testCase, Status.ERROR, summary, facts, List.of(), List.of(), durationsMs);
  }

  /** The case could not be judged, for the one reason {@code message}. */
  public static CaseResult errored(Case testCase, String message, Map<String, Long> durationsMs) {
    return errored(testCase, message, List.of(new Fact("error", message)), durationsMs);
  }

  private static CaseResult of(
      Case testCase,
      Status status,
      String summary,
      List<Fact> facts,
      List<Fact> notes,
      List<StreamDiff> diffs,
      Map<String, Long> durationsMs) {
    return builder(testCase.id(), status, summary)
        .tags(testCase.tags())
        .facts(facts)
        .notes(notes)
        .diffs(diffs)
        .durationsMs(durationsMs)
        .build();
  }

  /** A result with the required values; everything else is empty until set. */
  public static CaseResultBuilder builder(String id, Status status, String summary) {
    return new CaseResultBuilder(id, status, summary);
  }

  /** A builder that starts from this result's values. */
  public CaseResultBuilder toBuilder() {
    return builder(id, status, summary)
        .tags(tags)
        .facts(facts)
        .notes(notes)
        .diffs(diffs)
        .durationsMs(durationsMs)
        .jsonChanges(jsonChanges)
        .noisy(noisy)
        .noise(noise)
        .discounted(discounted)
        .accepted(accepted)
        .reproducer(reproducer);
  }

  /** This result with the shrunk input that reproduces its cluster's changes. */
  public CaseResult withReproducer(Reproducer found) {
    return toBuilder().reproducer(Optional.of(found)).build();
  }

  /** This result with the JSON Pointer paths that differ. */
  public CaseResult withJsonChanges(List<JsonChange> changes) {
    return toBuilder().jsonChanges(changes).build();
  }

  /** This result with what extra legacy runs showed. */
  public CaseResult withNoise(boolean isNoisy, List<Fact> found) {
    return toBuilder().noisy(isNoisy).noise(found).build();
  }

  /** This result with the differences the legacy noise discounted. */
  public CaseResult withDiscounted(List<Discounted> differences) {
    return toBuilder().discounted(differences).build();
  }

  /**
   * This failing result passed as the accepted difference {@code difference}: the candidate differs
   * from the golden exactly as accepted. Facts and diffs still show the difference from the golden.
   */
  public CaseResult asAccepted(Acceptance difference) {
    return toBuilder()
        .status(Status.ACCEPTED)
        .summary("accepted: " + difference.headline())
        .accepted(Optional.of(difference))
        .build();
  }

  /** This result with more facts (and the same status), e.g. why an acceptance no longer holds. */
  public CaseResult withFacts(List<Fact> more) {
    return toBuilder().facts(concat(facts, more)).build();
  }

  /** This result with more notes, e.g. where its pending result was stored. */
  public CaseResult withNotes(List<Fact> more) {
    return toBuilder().notes(concat(notes, more)).build();
  }

  private static List<Fact> concat(List<Fact> first, List<Fact> second) {
    List<Fact> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** All stream diffs as one unified text (empty when none). */
  @JsonProperty("diff")
  public String diff() {
    StringBuilder text = new StringBuilder();
    diffs.forEach(d -> text.append(d.unified()));
    return text.toString();
  }

  /**
   * What the reports say under a failing or erroring case's summary (junit.xml, the JUnit engine's
   * failures): its facts, discounted differences too, one a line, then its diff.
   */
  @JsonIgnore
  public String details() {
    String facts =
        Stream.concat(facts().stream(), discountedFacts().stream())
            .map(Fact::toString)
            .collect(Collectors.joining("\n"));
    String diff = diff();
    return facts + (diff.isEmpty() ? "" : "\n\n" + diff);
  }

  /** One fact per discounted difference, e.g. {@code discounted stdout : line 3, token 5: ...}. */
  public List<Fact> discountedFacts() {
    return discounted.stream().map(Discounted::fact).toList();
  }

  public Optional<Fact> firstFact() {
    return facts.stream().findFirst();
  }
}
