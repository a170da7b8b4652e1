package dev.parity.normalize;

import dev.parity.fixture.Rule;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The ordered rules of one case, applied to the streams of a legacy and a candidate observation.
 * Binary and non-UTF-8 streams and the scalar values (exit code, status) pass through unchanged.
 */
public final class Pipeline {
  private final List<Rule> rules;
  private final List<Normalizer> normalizers;
  private final Optional<Duration> budget;

  public Pipeline(List<Rule> rules) {
    this(rules, Optional.empty());
  }

  private Pipeline(List<Rule> rules, Optional<Duration> budget) {
    this.rules = List.copyOf(rules);
    this.normalizers = this.rules.stream().map(r -> Normalizers.of(r.action())).toList();
    this.budget = budget;
  }

  /**
   * This pipeline, each {@link #apply} limited to {@code timeout} (the case's): past it, {@link
   * NormalizationTimeoutException} is thrown instead of a result.
   */
  public Pipeline within(Duration timeout) {
    return new Pipeline(rules, Optional.of(timeout));
  }

  public List<Rule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** This pipeline followed by {@code more} rules. */
  public Pipeline then(List<Rule> more) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(more);
    return new Pipeline(all, budget);
  }

  /**
   * Normalizes both observations; placeholders are numbered per side.
   *
   * @return the normalized observations, how often each rule fired, and notes by stream
   */
  public Result apply(Observation legacy, Observation candidate) {
    int[] fired = new int[rules.size()];
    List<Note> notes = new ArrayList<>();
    if (rules.isEmpty()) {
      return new Result(legacy, candidate, toList(fired), notes);
    }
    refuseSpooled(legacy);
    refuseSpooled(candidate);
    Deadline deadline = budget.map(Deadline::in).orElse(Deadline.NONE);
    Scope legacyScope = new Scope(deadline);
    Scope candidateScope = new Scope(deadline);
    Map<String, byte[]> left = new TreeMap<>(legacy.streams());
    Map<String, byte[]> right = new TreeMap<>(candidate.streams());
    Set<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String stream : names) {
      Optional<String> a = text(left.get(stream));
      Optional<String> b = text(right.get(stream));
      boolean hasA = left.containsKey(stream);
      boolean hasB = right.containsKey(stream);
      if ((hasA && a.isEmpty()) || (hasB && b.isEmpty())) {
        continue;
      }
      String l = a.orElse(null);
      String c = b.orElse(null);
      for (int i = 0; i < rules.size(); i++) {
        if (!rules.get(i).appliesTo(stream)) {
          continue;
        }
        Normalizer normalizer = normalizers.get(i);
        deadline.check();
        if (l != null) {
          l = normalizer.normalize(l, legacyScope);
          fired[i] += legacyScope.takeFired();
          legacyScope.takeNotes().forEach(n -> notes.add(new Note(stream, "legacy", n)));
        }
        if (c != null) {
          c = normalizer.normalize(c, candidateScope);
          fired[i] += candidateScope.takeFired();
          candidateScope.takeNotes().forEach(n -> notes.add(new Note(stream, "candidate", n)));
        }
        if (l != null && c != null) {
          Normalizer.Pair pair = normalizer.reconcile(new Normalizer.Pair(l, c), candidateScope);
          l = pair.legacy();
          c = pair.candidate();
          fired[i] += candidateScope.takeFired();
        }
      }
      if (l != null) {
        left.put(stream, l.getBytes(StandardCharsets.UTF_8));
      }
      if (c != null) {
        right.put(stream, c.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Result(
        legacy.withStreams(new TreeMap<>(left)),
        candidate.withStreams(new TreeMap<>(right)),
        toList(fired),
        notes);
  }

  /** Rules work on whole texts in memory: one that applies to a spooled stream is an error. */
  private void refuseSpooled(Observation observation) {
    observation
        .spooled()
        .forEach(
            (stream, file) -> {
              for (Rule rule : rules) {
                if (rule.appliesTo(stream)) {
                  throw new SpooledStreamException(stream, file.size(), rule.label());
                }
              }
            });
  }

  /** Normalizes one observation alone (no pairwise reconciliation). */
  public Observation apply(Observation observation) {
    return apply(observation, observation).legacy();
  }

  private static Optional<String> text(byte @Nullable [] bytes) {
    return bytes == null ? Optional.empty() : StreamContent.text(bytes);
  }

  private static List<Integer> toList(int[] counts) {
    List<Integer> list = new ArrayList<>();
    for (int count : counts) {
      list.add(count);
    }
    return list;
  }

  /**
   * Normalized observations.
   *
   * @param fired how often each rule changed something, in rule order
   * @param notes remarks such as "not valid JSON", by stream and side
   */
  public record Result(
      Observation legacy, Observation candidate, List<Integer> fired, List<Note> notes) {
    public Result {
      fired = List.copyOf(fired);
      notes = List.copyOf(notes);
    }
  }

  /** A remark about one stream of one side. */
  public record Note(String stream, String side, String message) {}
}
