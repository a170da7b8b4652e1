package dev.parity.cluster;

import dev.parity.diff.Fact;
import dev.parity.diff.JsonChange;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import dev.parity.run.Observation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a mismatch apart into its atomic changes: each differing value (exit code, status, signal)
 * as its pair of values, each JSON path, each header, each classified token edit or run of added or
 * removed lines of a text stream, each stream written by one side only.
 */
public final class Changes {
  /** Facts that say something about a case but are no difference of its outputs. */
  private static final Set<String> NOT_CHANGES =
      Set.of("golden", "noise", "noisy token", "suggested rule", "pending");

  private static final Set<String> VALUES =
      Set.of(
          ObservationComparator.label(Observation.EXIT_CODE),
          ObservationComparator.label(Observation.SIGNAL),
          ObservationComparator.label(Observation.STATUS));

  private static final Set<String> WHOLE =
      Set.of(TextChanges.WHOLE_REMOVED, TextChanges.WHOLE_ADDED);

  /** {@code legacy 0, candidate 1}: the two sides' names and values. */
  private static final Pattern PAIR = Pattern.compile("^\\S+ (.*), \\S+ (.*)$");

  private Changes() {}

  /** The changes of one mismatch, each once, in the order the case shows them. */
  public static List<Change> of(Mismatch mismatch) {
    Set<Change> changes = new LinkedHashSet<>();
    if (mismatch.error()) {
      changes.add(Change.of("error: " + Masker.mask(mismatch.summary())));
      return List.copyOf(changes);
    }
    Set<String> diffed = new LinkedHashSet<>();
    mismatch.diffs().forEach(d -> diffed.add(ObservationComparator.label(d.stream())));
    for (Fact fact : mismatch.facts()) {
      if (diffed.contains(fact.key())
          || NOT_CHANGES.contains(fact.key())
          || fact.key().startsWith("discounted ")) {
        continue;
      }
      changes.add(ofFact(fact));
    }
    boolean failed = mismatch.facts().stream().anyMatch(f -> VALUES.contains(f.key()));
    Set<String> jsonStreams = new LinkedHashSet<>();
    for (JsonChange change : mismatch.jsonChanges()) {
      jsonStreams.add(change.stream());
      changes.add(JsonChanges.of(ObservationComparator.label(change.stream()), change));
    }
    for (StreamDiff diff : mismatch.diffs()) {
      String label = ObservationComparator.label(diff.stream());
      if (jsonStreams.contains(diff.stream())) {
        continue;
      }
      if (diff.kind() == StreamDiff.Kind.BINARY) {
        changes.add(Change.of("binary content differs").at(label));
      } else if (diff.stream().equals(Observation.HEADERS)) {
        changes.addAll(HeaderChanges.of(diff.unified()));
      } else {
        for (Change change : TextChanges.of(diff.unified())) {
          // A program that failed on one side printed nothing, or only its error: that is the
          // failure's doing, and the failure has its own cluster (its exit code or status).
          if (!(failed && WHOLE.contains(change.key()))) {
            changes.add(change.at(label));
          }
        }
      }
    }
    if (changes.isEmpty()) {
      changes.add(Change.of("differs: " + Masker.mask(mismatch.summary())));
    }
    return new ArrayList<>(changes);
  }

  /**
   * A differing value as its pair of values, unmasked ({@code exit code: 0 -> 1}: which codes
   * matters); any other fact by its masked message.
   */
  private static Change ofFact(Fact fact) {
    Matcher pair = PAIR.matcher(fact.message());
    if (VALUES.contains(fact.key()) && pair.matches()) {
      return Change.of(pair.group(1) + " -> " + pair.group(2)).at(fact.key());
    }
    return Change.of(Masker.mask(fact.message())).at(fact.key());
  }
}
