package dev.parity.junit;

import dev.parity.archive.RunArchive;
import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.diff.StreamDiff;
import dev.parity.fixture.Side;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * Each case's JUnit result from a run's verdict: a pass or an accepted difference succeeds, a
 * difference fails with an {@link AssertionFailedError} whose expected and actual values are what
 * was compared (the normalized golden, or legacy output, and the normalized candidate output), an
 * error fails with a {@link ParityCaseError}.
 */
final class CaseOutcomes {
  private final Map<String, CaseResult> results;
  private final RunArchive archive;

  /** {@code verdict} with its excerpts capped, as the reports show them. */
  CaseOutcomes(Verdict verdict, RunArchive archive) {
    this.results =
        verdict.fixtures().stream()
            .collect(Collectors.toMap(CaseResult::id, Function.identity(), (a, b) -> a));
    this.archive = archive;
  }

  TestExecutionResult of(String caseId) {
    CaseResult result = results.get(caseId);
    if (result == null) {
      // Never a pass for a case the run did not judge.
      return TestExecutionResult.failed(
          new ParityCaseError(caseId + ": the run has no result for this case"));
    }
    if (result.status().passes()) {
      return TestExecutionResult.successful();
    }
    String message = message(result);
    if (result.status() == Status.ERROR) {
      return TestExecutionResult.failed(new ParityCaseError(message));
    }
    Optional<Observation> legacy = archive.read(caseId, Side.LEGACY, RunArchive.View.NORMALIZED);
    Optional<Observation> candidate =
        archive.read(caseId, Side.CANDIDATE, RunArchive.View.NORMALIZED);
    if (legacy.isEmpty() || candidate.isEmpty()) {
      return TestExecutionResult.failed(new AssertionFailedError(message));
    }
    List<String> shown = shown(result, legacy.get(), candidate.get());
    return TestExecutionResult.failed(
        new AssertionFailedError(
            message, render(shown, legacy.get()), render(shown, candidate.get())));
  }

  /** The case's summary, then its facts and diff as junit.xml gives them. */
  private static String message(CaseResult result) {
    String body = result.details();
    return result.id() + ": " + result.summary() + (body.isEmpty() ? "" : "\n" + body);
  }

  /**
   * The values and streams the comparison found different, in a stable order; those the suite does
   * not compare (its {@code compare:} leaves them out) differ without a fact and are not shown.
   */
  private static List<String> shown(CaseResult result, Observation legacy, Observation candidate) {
    TreeSet<String> stated = new TreeSet<>();
    result.facts().stream().map(Fact::key).forEach(stated::add);
    result.diffs().stream()
        .map(StreamDiff::stream)
        .map(ObservationComparator::label)
        .forEach(stated::add);
    List<String> shown = new ArrayList<>();
    TreeSet<String> values = new TreeSet<>(legacy.values().keySet());
    values.addAll(candidate.values().keySet());
    values.remove(RunArchive.TRUNCATED);
    for (String name : values) {
      if (!Objects.equals(legacy.values().get(name), candidate.values().get(name))
          && stated.contains(ObservationComparator.label(name))) {
        shown.add(name);
      }
    }
    TreeSet<String> streams = new TreeSet<>(legacy.streams().keySet());
    streams.addAll(candidate.streams().keySet());
    for (String name : streams) {
      if (!Arrays.equals(legacy.streams().get(name), candidate.streams().get(name))
          && stated.contains(ObservationComparator.label(name))) {
        shown.add(name);
      }
    }
    return shown;
  }

  /**
   * One side's text for a diff viewer: a lone differing stream as it is, so the viewer diffs the
   * output itself; otherwise each value and stream under a heading.
   */
  static String render(List<String> shown, Observation side) {
    if (shown.size() == 1 && !side.values().containsKey(shown.get(0))) {
      return text(side.streams().get(shown.get(0)));
    }
    StringBuilder text = new StringBuilder();
    for (String name : shown) {
      String label = ObservationComparator.label(name);
      if (isValue(name) || side.values().containsKey(name)) {
        text.append(label).append(": ").append(side.values().getOrDefault(name, "(none)"));
        text.append('\n');
        continue;
      }
      String content = text(side.streams().get(name));
      text.append("--- ").append(label).append(" ---\n").append(content);
      if (!content.isEmpty() && !content.endsWith("\n")) {
        text.append('\n');
      }
    }
    return text.toString();
  }

  private static boolean isValue(String name) {
    return name.equals(Observation.EXIT_CODE)
        || name.equals(Observation.SIGNAL)
        || name.equals(Observation.STATUS);
  }

  private static String text(byte @Nullable [] bytes) {
    if (bytes == null) {
      return "(not written)";
    }
    return StreamContent.text(bytes)
        .orElseGet(() -> "(binary, " + bytes.length + " bytes: see the HTML report)");
  }
}
